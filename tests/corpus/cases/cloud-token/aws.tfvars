region     = "us-east-1"
access_key = "AKIAJR7VAWETEDBSN4KI"
secret_key = "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"
kms_key_id = "16c6b44d-14f8-4655-815a-83f675eb8841"
