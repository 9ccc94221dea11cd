bastion_name    = "ops-bastion-01"
instance_type   = "t3.small"
ssh_private_key = <<EOT
-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIS49xkuKP6j1Im45QNjTd8eqMHO8Zx2wbHoB8h1DozbPwX3JQZntA/B6
dEs9WzgAuy1E8J2/aq+QXNSDkO8wHuD8XETQo34DEk3YY4Ehiebp+lYezWllc1Fp
H1khcmPTvNT5x8Na9MnWBRHMobMgLQ1sQ6DZCBF9QAW8+2C9+L61B2N5sv443ckp
v6dISfFCWZM4ULms0LI52p1WEp==
-----END EC PRIVATE KEY-----
EOT
allowed_cidrs = ["10.20.0.0/16"]
