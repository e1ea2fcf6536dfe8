"""A large benchmark corpus generated from the five documents of ``corpus/``.

Paragraphs and sentences are shuffled across documents of the same language, and numbers,
years and surnames are varied from a seed, so every generated document is new text (no
cache or memo can help) while keeping the grammar the extractor is built for. The result
is deterministic for a given seed and size.

    .venv/bin/python bench/corpus.py OUT_DIR [--size 1.0] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "corpus"
TARGET_BYTES = {"fr": 2_000_000, "en": 500_000}
DOC_BYTES = 6_000

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«\"“])")
_NUMBER = re.compile(r"(?<![\w&#])\d+(?![\w;])")
_NAME = re.compile(r"\b([A-Z][a-zà-ÿ]+) ([A-Z][a-zà-ÿ]{3,})\b")


def _language(text: str) -> str:
    words = re.findall(r"[a-zé]+", text.lower())
    french = sum(w in ("le", "la", "les", "des", "du", "et") for w in words)
    english = sum(w in ("the", "of", "and", "to", "is") for w in words)
    return "fr" if french >= english else "en"


def source_pools() -> dict[str, dict[str, list[str]]]:
    """Per language: header paragraphs (each document's first ones) and body sentences."""
    pools: dict[str, dict[str, list[str]]] = {}
    for path in sorted(SOURCE.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        pool = pools.setdefault(_language(text), {"headers": [], "sentences": []})
        pool["headers"].append("\n\n".join(paragraphs[:3]))
        for p in paragraphs[3:]:
            pool["sentences"].extend(s for s in _SENTENCE.split(p) if len(s) > 20)
    return pools


def _surnames(pools: dict[str, dict[str, list[str]]]) -> list[str]:
    """Capitalised words of the corpus, for recombining into new surnames."""
    words = set()
    for pool in pools.values():
        for s in pool["sentences"]:
            words.update(m.group(2) for m in _NAME.finditer(s))
    return sorted(words)


def vary(text: str, rng: random.Random, surnames: list[str]) -> str:
    """New numbers (same number of digits; years stay in 2015–2030) and new surnames."""
    def number(m: re.Match[str]) -> str:
        digits = m.group()
        if len(digits) == 4 and digits.startswith(("19", "20")):
            return str(rng.randint(2015, 2030))
        if len(digits) == 1:
            return str(rng.randint(1, 9))
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    def name(m: re.Match[str]) -> str:
        if not surnames or rng.random() < 0.5:
            return m.group()
        a, b = rng.choice(surnames), rng.choice(surnames)
        return f"{m.group(1)} {a[:max(2, len(a) // 2)]}{b[len(b) // 2:]}"

    return _NAME.sub(name, _NUMBER.sub(number, text))


def generate(out_dir: Path, size: float = 1.0, seed: int = 7) -> list[Path]:
    """Write the corpus into ``out_dir``; return the files in order."""
    rng = random.Random(seed)
    pools = source_pools()
    surnames = _surnames(pools)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for lang, target in TARGET_BYTES.items():
        pool = pools.get(lang)
        if not pool:
            continue
        total, index = 0, 0
        while total < target * size:
            body: list[str] = [vary(rng.choice(pool["headers"]), rng, surnames)]
            length = len(body[0])
            while length < DOC_BYTES * rng.uniform(0.5, 1.5):
                paragraph = " ".join(vary(rng.choice(pool["sentences"]), rng, surnames)
                                     for _ in range(rng.randint(2, 6)))
                body.append(paragraph)
                length += len(paragraph)
            path = out_dir / f"{lang}_{index:05d}.txt"
            data = "\n\n".join(body) + "\n"
            path.write_text(data, encoding="utf-8")
            written.append(path)
            total += len(data.encode("utf-8"))
            index += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    files = generate(args.out, args.size, args.seed)
    print(f"{len(files)} documents, {sum(f.stat().st_size for f in files)} bytes in {args.out}")


if __name__ == "__main__":
    main()
