# A throwaway Keystone v3 for the tests (Debian python3-keystone): one process that runs
# keystone-manage db_sync / fernet_setup / receipt_setup / credential_setup / bootstrap,
# each in a fork of the already imported process (importing keystone costs seconds, once),
# then serves the public WSGI app on 127.0.0.1:$KS_PORT with a threaded wsgiref server.
# Prints "READY <url>" when it serves. Config: $KS_CONF, written by the harness.
import os
import signal
import socketserver
import sqlite3
import sys
import traceback
import wsgiref.simple_server as wss

conf, port = os.environ["KS_CONF"], int(os.environ["KS_PORT"])
url = "http://127.0.0.1:%d/v3" % port
import keystone.cmd.cli as cli  # noqa: E402
from keystone.server.wsgi import initialize_public_application  # noqa: E402


def manage(*args):
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            cli.main(argv=["keystone-manage", "--config-file", conf, *args])
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else 1
        except BaseException:
            traceback.print_exc()
            code = 1
        os._exit(code)
    _, st = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(st) != 0:
        sys.exit("keystone-manage %s failed" % args[0])


owner = ["--keystone-user", os.environ["KS_USER"], "--keystone-group", os.environ["KS_GROUP"]]
manage("db_sync")
# WAL: without it sqlite answers "database is locked" to concurrent writes (a 500).
db = sqlite3.connect(os.path.join(os.path.dirname(conf), "keystone.db"))
db.execute("pragma journal_mode=wal")
db.close()
manage("fernet_setup", *owner)
manage("receipt_setup", *owner)
manage("credential_setup", *owner)
manage("bootstrap", "--bootstrap-username", "admin",
       "--bootstrap-password", os.environ["KS_PASSWORD"],
       "--bootstrap-project-name", "admin", "--bootstrap-role-name", "admin",
       "--bootstrap-service-name", "keystone", "--bootstrap-region-id", "RegionOne",
       "--bootstrap-public-url", url, "--bootstrap-internal-url", url)

sys.argv[1:] = []  # oslo.config parses sys.argv
os.environ["OS_KEYSTONE_CONFIG_FILES"] = conf
app = initialize_public_application()


class Server(socketserver.ThreadingMixIn, wss.WSGIServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64


class Handler(wss.WSGIRequestHandler):
    def address_string(self):
        return self.client_address[0]


srv = wss.make_server("127.0.0.1", port, app, server_class=Server, handler_class=Handler)
signal.signal(signal.SIGTERM, lambda *a: os._exit(0))
print("READY", url, flush=True)
srv.serve_forever()
