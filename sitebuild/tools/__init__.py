"""Command-line tools around the built site: build, build speed, offline zip, PDF, page weight, browser."""
