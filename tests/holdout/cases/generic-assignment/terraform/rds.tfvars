db_instance_class = "db.r6g.large"
db_username       = "orders_admin"
db_password       = "Ed+I3yy4Svv%WtT2KgdZUkJF"
db_password_ssm   = "/prod/orders/db_password"
manage_master_user_password = true
