"""gunicorn in production: `gunicorn -c config/gunicorn.py config.wsgi` (README, « Production »).

Its access and error logs print request lines and Referers: the logger class below puts the same redaction of
private tokens as Django's logs (config/logging.py) on each of its handlers.
"""

import os

from gunicorn.glogging import Logger

from config.logging import RedactPrivateTokens

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
accesslog = "-"
errorlog = "-"
logger_class = "config.gunicorn.RedactingLogger"
# gunicorn's control socket (for gunicornc, unused here) defaults to one path per user, $HOME/.gunicorn/gunicorn.ctl:
# a second server on the host would take it over, and gunicornc would then manage the wrong one.
control_socket_disable = True


class RedactingLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)  # also run again on reload, with new handlers
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                if not any(isinstance(existing, RedactPrivateTokens) for existing in handler.filters):
                    handler.addFilter(RedactPrivateTokens())
