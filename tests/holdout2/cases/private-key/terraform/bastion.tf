resource "tls_private_key" "bastion" {
  algorithm = "ED25519"
}

resource "aws_key_pair" "legacy" {
  key_name   = "legacy-bastion"
  public_key = file("${path.module}/keys/legacy.pub")
}

locals {
  legacy_private_key = <<-EOT
    -----BEGIN RSA PRIVATE KEY-----
    MIIEogIBAAKCAQEAnOaovCw8MtDC46kPE5dkXNSCrO5onOaVubSEBMkhrxxneJC0
    2KmxVx4DNA9Dnx9k/rYei8T/QiFVGWcZ0x0u+PB2IVjlmLgGmspm/kUP6Vf59b/w
    8Q1z6zTz5zXk/tAHpb4bFzVz/1ZrcDzoTxGu1XY8KPrewll4EapJ270y7/DWrEms
    dH0DhatI66EwUYobU4/uydORRJEUMrHYApWkRS1yKLI1J+V1SHBOiu6s9EiBJP3r
    bMTAxLAfeEJ65/g3vwXeazMYlAU3Xn5srFitUOyOeuggPD2LZWqV3cEaLLWXZnwi
    it6YKrs+Tuev4DwfSnb+aUMKXCXr3s7pHmomBwIDAQABAoIBACdsExhYmvV/m4Ad
    IaMgBkEGyiCONG27yAHld8hGCvcXEW5rGW1Y0aycZ1ykuy5XcoZHFwyyPhqNCnc7
    /vKa4gr9TAkb73A8SLiKw27+xj0wdCcJh43hfe8qml/NHFDjzxAXYHIn5ZHR0mPc
    gdggDsgmkX4QbnjxhugVW8Jg2tQLT7J+8NeLy9NBpGgg9+b8zcUJbxthzxaDKgSO
    XQuC9upFnNP28iESJqjXZFbe3jkjzDepgj9AunXs0MZ6kR+A2FLy4LX3yAi2pBjl
    w83PIWabxTajoc/k6YdBAwZjPTauKNTz2e6UUj/rOOQYZUanVD05RWr4dfT6WOU2
    VwGsL+UCgYEA2UKPqe1FAI8HdvrFeOzv7gV44DM8RqiWJa3DhUCrtGtoR5ZpZ+Vw
    WsrIAOAv7nmzPwEoxWmWe0ENtZ6zRiQ9xZN+fe4e140p59fYGXs548AH3UUqweHV
    ok8uW62OT+xfqflS2eKcJNlsyZCsqLQo9m77itMF39+JhDL21dUndCUCgYEAuODX
    6KKmGZFKmE4SDzeRZ5WaDyScjfHlLHI46jMx32oDHk/Hb6UQ3sap/MX40T5czXxe
    HdCzcP74Uk66zCpIX+flwDJSppX2I7L9t7s5BubfLQh8UmW2cCtwu2QM5LKRLv4x
    mGe8nIc5ERNwC1h/eakcV59R8f2uznUbsT+WY7sCgYA/yDK1CFtBlrvyShy/K5Ak
    qKab626+r6+k0CaecCX4ia/LlHTNc6ZQgUfGOgrYUBI3ZPe7PQxYkvibYUPwS6N2
    5Z41CjszvNWYot1mXa7ZFf85Dp1G3i4BwI0zjPhCrnpHRFL2dHiyuMIfSsHlpT6B
    WoOuddU7rDyK+wtMK4+xoQKBgBY83VubLNWId2uIgH2aFoBaK1TE95vPS9yjxJrP
    G6Ge888Sk4+nUDcruEiyW3J3yNviqMN3Vg4ybRYhaDCkqV3329fZdb2Z7ihvIDuY
    Zoyg+plFGwciOuaVIxM3PqHHpNT9OGP3nmVJkqCuMNz8gSDWKZWUkVvFQuCMj48r
    ceB/AoGAfk6wIi3i2W8nZG0N17Cf4imbCbd7CzWni9s6cIV2xLwkecEOx9YBZYXd
    J6Dbko1VbZainQQAlXD+912orwaSV4ccUEhWGjheypdw4FfaDTF0tY4VrufmFwob
    SeQF1HsAKyeOmPzMaz/XEHTwZyKFNkwdyJDexvPRq5hsd79gLmE=
    -----END RSA PRIVATE KEY-----
  EOT
}

output "bastion_private_key" {
  value     = tls_private_key.bastion.private_key_openssh
  sensitive = true
}
