"""Checks of the sources and of the built site: the page set, twin parity, numbers in prose, links."""
