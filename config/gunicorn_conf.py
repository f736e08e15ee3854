"""gunicorn settings for the Dockerfile and compose (`gunicorn -c config/gunicorn_conf.py`).

The access log goes to stdout without the client's address or the query
string: an IP address is personal data, and query strings can carry tokens
(draft previews). Method, path, status, size and time are enough to operate
the service (docs/privacy.md, "Logs").
"""

accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(L)ss'
