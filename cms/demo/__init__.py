"""Demo content for `make run` (`python manage.py load_demo_content`).

Everything here is sample data: the people are fictional and say so, and the
helpline numbers must be verified before production. Article text is our own,
written from facts in the seed pages and fact-checked (see docs in each module).
"""
