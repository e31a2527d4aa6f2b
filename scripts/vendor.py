"""Vendor the site's front-end assets (Mermaid, KaTeX, the iframe-worker shim) from the npm registry.

    python -m scripts.vendor            (make vendor: download what vendor.json pins, verify, unpack)

See aipapers/vendor.py for what is vendored and how it is verified.
"""

from aipapers.vendor import main

if __name__ == "__main__":
    raise SystemExit(main())
