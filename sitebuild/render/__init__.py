"""What the MkDocs hooks (sitebuild/hooks.py) do to pages while MkDocs builds them."""
