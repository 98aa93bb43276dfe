"""The example machinery: code fences of the pages, running snippets, their stored outputs and timings."""
