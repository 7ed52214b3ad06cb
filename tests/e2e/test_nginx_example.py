"""docs/nginx.example.conf is a configuration the nginx a city server installs (Debian's package)
accepts: `nginx -t` on it, with a throwaway certificate in place of the city's and local ports."""

import datetime as dt
import subprocess

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from deploy import replicas
from deploy.serve import free_port
from tests.conftest import PROJECT

EXAMPLE = PROJECT / "docs" / "nginx.example.conf"


def certificate(folder):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "pulih.example.go.id")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    (folder / "fullchain.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "privkey.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


@pytest.mark.slow
def test_the_example_is_a_configuration_nginx_accepts(tmp_path):
    try:
        nginx = replicas.nginx_binary()
    except replicas.ServeError as e:
        pytest.fail(str(e), pytrace=False)
    certificate(tmp_path)
    site = (
        EXAMPLE.read_text(encoding="utf-8")
        .replace("/etc/ssl/pulih/", f"{tmp_path}/")
        .replace("listen 80;", f"listen 127.0.0.1:{free_port()};")
        .replace("listen 443 ", f"listen 127.0.0.1:{free_port()} ")
    )
    # the example is a site (sites-available): the http block around it is the system's
    config = tmp_path / "nginx.conf"
    config.write_text(f"pid {tmp_path}/nginx.pid;\nevents {{}}\nhttp {{\n{site}\n}}\n")
    checked = subprocess.run(
        [nginx, "-t", "-e", str(tmp_path / "error.log"), "-c", str(config)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    assert "upstream pulih" in site and site.count("proxy_pass http://pulih;") == 3
