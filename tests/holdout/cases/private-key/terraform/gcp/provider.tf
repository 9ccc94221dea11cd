provider "google" {
  project     = "acme-shop-prod"
  region      = "europe-west1"
  credentials = file("${path.module}/credentials.json")
}
