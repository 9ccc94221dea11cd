"""gitops-guard: find leaked secrets in GitOps repositories."""

__version__ = "0.1.0"
