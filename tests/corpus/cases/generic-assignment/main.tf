resource "random_password" "db" {
  length  = 24
  special = true
}

resource "aws_db_instance" "app" {
  identifier = "app-prod"
  username   = var.db_username
  password   = var.db_password
}

resource "kubernetes_secret" "app" {
  metadata { name = "app-db" }
  data = {
    password = random_password.db.result
    token    = data.vault_generic_secret.app.data["token"]
  }
}
