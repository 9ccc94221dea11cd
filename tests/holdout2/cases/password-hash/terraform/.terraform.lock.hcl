provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.49.0"
  constraints = "~> 5.0"
  hashes = [
    "h1:xkEIv5xxUxu/DwSJD1JVK3oyxCKronAS8P/CRClfff8=",
    "zh:16207328f40b212ec9e6f20af9a7a0fb6b5b8b0646e454486b04e67fbb7f3335",
  ]
}
