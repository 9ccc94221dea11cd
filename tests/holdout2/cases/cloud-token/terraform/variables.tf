variable "aws_access_key" {
  type    = string
  default = "AKIAXA7S6PL6PRJZEBBI"
}

variable "aws_secret_key" {
  type      = string
  default   = "sXW/ohMfTXl52Fmg+35+vzLV97gOYYlFmbfd00a5"
  sensitive = true
}

variable "gcp_maps_api_key" {
  description = "Browser key for the store locator"
  default     = "AIza-_N6PFMnItxEhQD86IQZwM7wABsCyAvxw2p"
}

variable "linode_token" {
  description = "Linode API token; set via TF_VAR_linode_token in CI"
  type        = string
  sensitive   = true
}

provider "aws" {
  access_key = var.aws_access_key
  secret_key = var.aws_secret_key
  region     = "eu-west-1"
}
