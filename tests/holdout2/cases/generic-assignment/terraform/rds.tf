resource "random_password" "reporting" {
  length  = 32
  special = true
}

resource "aws_db_instance" "reporting" {
  identifier           = "reporting-prod"
  engine               = "postgres"
  username             = "reporting"
  password             = random_password.reporting.result
  storage_encrypted    = true
}

resource "aws_db_instance" "legacy" {
  identifier = "legacy-crm"
  engine     = "mysql"
  username   = "crm"
  password   = "z3ib9dexiswDFt+oo4"
}

resource "aws_rds_cluster" "events" {
  cluster_identifier          = "events"
  master_username             = "events"
  manage_master_user_password = true
}
