terraform {
  required_version = ">= 1.5"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # The state holds the generated database password and AUTH_SECRET: keep it in a private bucket, not
  # on a laptop. Create the bucket once (see README.md), then uncomment and run `terraform init`.
  # backend "gcs" {
  #   bucket = "MEU-PROJETO-tfstate"
  #   prefix = "piloto"
  # }
}

provider "google" {
  project = var.project_id
  region  = var.region
}
