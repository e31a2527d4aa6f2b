"""Fetch the pinned browser assets listed in vendor.json into overrides/assets/vendor/.

The site must never ask a CDN for anything, so Mermaid, KaTeX and the iframe-worker shim are
served from the site itself. They come from the npm registry at the exact versions in
vendor.json and are checked against the registry's sha512 integrity before a single file is
copied. Tarballs are cached in .cache/npm/ so later runs work offline.

Usage: python -m scripts.vendor [--check]
"""

from __future__ import annotations

import argparse
import base64
import fnmatch
import hashlib
import io
import json
import shutil
import sys
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "vendor.json"
TARGET = ROOT / "overrides" / "assets" / "vendor"
CACHE = ROOT / ".cache" / "npm"
STAMP = TARGET / ".installed.json"
REGISTRY = "https://registry.npmjs.org"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    integrity: str
    files: tuple[str, ...]

    @property
    def tarball_url(self) -> str:
        basename = self.name.rsplit("/", 1)[-1]
        return f"{REGISTRY}/{self.name}/-/{basename}-{self.version}.tgz"


def load_manifest(path: Path = MANIFEST) -> list[Package]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        Package(name, spec["version"], spec["integrity"], tuple(spec["files"]))
        for name, spec in data["packages"].items()
    ]


def verify_integrity(blob: bytes, integrity: str) -> bool:
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512":
        raise ValueError(f"unsupported integrity algorithm {algorithm!r}")
    return base64.b64encode(hashlib.sha512(blob).digest()).decode() == expected


def fetch(package: Package) -> bytes:
    """The package tarball, from the cache or the registry, always integrity-checked."""
    cached = CACHE / f"{package.name.replace('/', '__')}-{package.version}.tgz"
    if cached.exists():
        blob = cached.read_bytes()
        if verify_integrity(blob, package.integrity):
            return blob
    with urllib.request.urlopen(package.tarball_url, timeout=60) as response:  # noqa: S310
        blob = response.read()
    if not verify_integrity(blob, package.integrity):
        raise SystemExit(
            f"vendor.json: {package.name}@{package.version} does not match its integrity hash — "
            "the registry returned something else; do not edit the hash to make it pass."
        )
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(blob)
    return blob


def extract(package: Package, blob: bytes, target: Path) -> list[Path]:
    """Copy the files matching the package's patterns into target/<name>/ (paths kept)."""
    written: list[Path] = []
    destination = target / package.name
    shutil.rmtree(destination, ignore_errors=True)
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile():
                continue
            relative = member.name.split("/", 1)[1]  # npm tarballs wrap everything in package/
            if not any(fnmatch.fnmatchcase(relative, pattern) for pattern in package.files):
                continue
            out = destination / relative
            out.parent.mkdir(parents=True, exist_ok=True)
            source = archive.extractfile(member)
            assert source is not None
            out.write_bytes(source.read())
            written.append(out)
    for pattern in package.files:
        if not any(fnmatch.fnmatchcase(p.relative_to(destination).as_posix(), pattern) for p in written):
            raise SystemExit(f"vendor.json: {package.name}@{package.version} has no file matching {pattern!r}")
    return written


def installed_state(packages: list[Package]) -> dict[str, str]:
    return {p.name: f"{p.version} {p.integrity} {' '.join(p.files)}" for p in packages}


def is_current(packages: list[Package]) -> bool:
    if not STAMP.exists():
        return False
    return json.loads(STAMP.read_text(encoding="utf-8")) == installed_state(packages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the vendored files are missing or stale")
    args = parser.parse_args(argv)
    packages = load_manifest()
    if is_current(packages):
        return 0
    if args.check:
        print("overrides/assets/vendor/ is missing or stale: run `make vendor`", file=sys.stderr)
        return 1
    for package in packages:
        files = extract(package, fetch(package), TARGET)
        print(f"vendored {package.name}@{package.version}: {len(files)} files")
    STAMP.write_text(json.dumps(installed_state(packages), indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
