"""Rewrites a jar without the entries that match any of the given regular expressions."""
import re
import shutil
import sys
import zipfile

jar, patterns = sys.argv[1], [re.compile(p) for p in sys.argv[2:]]
with zipfile.ZipFile(jar) as source, zipfile.ZipFile(jar + ".tmp", "w", zipfile.ZIP_DEFLATED) as target:
    for entry in source.infolist():
        if not any(p.search(entry.filename) for p in patterns):
            target.writestr(entry, source.read(entry.filename))
shutil.move(jar + ".tmp", jar)
