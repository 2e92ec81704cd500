"""A moto_server on a free loopback port, for tests that need moto's AWS imitation."""
import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request

import boto3

REGION = "us-east-1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def moto_server(no_auth_actions=None):
    """Starts moto_server (with INITIAL_NO_AUTH_ACTION_COUNT when given), yields its URL, stops it."""
    port = free_port()
    env = dict(os.environ)
    if no_auth_actions is not None:
        env["INITIAL_NO_AUTH_ACTION_COUNT"] = str(no_auth_actions)
    binary = os.path.join(os.path.dirname(sys.executable), "moto_server")
    process = subprocess.Popen([binary, "-H", "127.0.0.1", "-p", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 30
        while True:
            try:
                urllib.request.urlopen(url + "/moto-api/", timeout=1)
                break
            except OSError:
                if time.time() > deadline or process.poll() is not None:
                    raise RuntimeError("moto_server did not start")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def client(service, url, key="test", secret="test", region=REGION):
    return boto3.client(service, endpoint_url=url, region_name=region,
                        aws_access_key_id=key, aws_secret_access_key=secret)
