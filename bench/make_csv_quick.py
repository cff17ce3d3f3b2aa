"""Writes the 1M x 16 mixed CSV used by csv_load_quick.cpp: python3 make_csv_quick.py OUT [ROWS]."""
import random
import sys

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = random.Random(42)
cities = ["Paris", "Berlin", "Madrid", "Rome", "Oslo", "Lisbon", "Vienna", "Prague", "Dublin", "Athens"]
countries = [f"country_{i:02d}" for i in range(30)]
words = ["alpha", "beta", "gamma", "delta", "said \"hi\"", "x, y", "long text here", "ok"]
with open(out, "w", newline="") as f:
    f.write("id,age,visits,price,score,ratio,temp,city,country,name,user,comment,flag,active,date,target\n")
    for i in range(rows):
        price = "" if rng.random() < 0.05 else f"{rng.uniform(1, 1000):.2f}"
        score = "" if rng.random() < 0.05 else f"{rng.gauss(0, 1):.4f}"
        comment = " ".join(rng.choice(words) for _ in range(rng.randint(1, 3))).replace('"', '""')
        f.write(
            f"{i},{rng.randint(18, 90)},{rng.randint(0, 5000)},{price},{score},{rng.random():.3f},"
            f"{rng.uniform(-20, 40):.1f},{rng.choice(cities)},{rng.choice(countries)},"
            f"n{rng.randint(0, 99999)},u{rng.randint(0, 999999)},\"{comment}\","
            f"{'true' if rng.random() < 0.5 else 'false'},{'yes' if rng.random() < 0.3 else 'no'},"
            f"20{rng.randint(10, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},"
            f"{1 if rng.random() < 0.1 else 0}\n"
        )
