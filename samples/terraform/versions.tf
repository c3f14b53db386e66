terraform {
  # 1.5 for check blocks (the warnings deploy.sh prints); validations refer to their own variable only.
  required_version = ">= 1.5.0"

  required_providers {
    google = {
      source = "hashicorp/google"
      # 7.44.0 is the release the schema check reads (tests/terraform-check/google-provider-schema.json).
      version = "~> 7.44"
    }
  }
}
