"""Generators: what the pages embed but nobody types (figures, notebooks, benchmark data, glossary, quizzes).

`python -m sitebuild.generate` runs them all before MkDocs starts; each artefact is cached on its inputs' bytes.
"""
