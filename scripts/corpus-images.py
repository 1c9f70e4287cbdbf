# The benchmark corpus links every case study to an image under /images/ that it never writes;
# sachhon refuses a missing file (E0303), so this writes one small PNG there and hard links it
# at every other linked path (both tools then publish the same files).
#
#   python3 scripts/corpus-images.py SITE
import os, re, sys, struct, zlib
site = sys.argv[1]
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"".join(b"\x00" + b"\x80" * 8 for _ in range(8)))) + chunk(b"IEND", b"")
seen = set()
for root, _, files in os.walk(os.path.join(site, "content")):
    for f in files:
        if f.endswith(".md"):
            for m in re.finditer(r"\]\((/images/[^)\s\"]+)", open(os.path.join(root, f), encoding="utf-8").read()):
                seen.add(m.group(1))
first = None
for p in sorted(seen):
    target = os.path.join(site, "static", p.lstrip("/"))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if os.path.exists(target):
        continue
    if first is None:
        open(target, "wb").write(png); first = target
    else:
        os.link(first, target)
print(len(seen))
