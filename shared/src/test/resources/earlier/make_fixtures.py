"""Writes the Parquet fixtures of the earlier-pipeline tests (and the CSV holding the same rows).

Run from this folder with pyarrow 26 (python3 -m venv v && v/bin/pip install pyarrow==26.0.1):
    v/bin/python make_fixtures.py            # the committed fixtures (a few hundred rows, seed 311)
    v/bin/python make_fixtures.py N OUTDIR   # N rows into OUTDIR (the benchmark's 48k-row file)

requests.parquet is what the earlier pipeline's processed-data/ holds: FeatureServer field names, dates as
float64 epoch milliseconds with NaN for a missing date, Council_District float64 (8.0) with NaN, Snappy (pyarrow's
default). requests.csv holds the same rows as the city's Hub CSV export (dates as UTC text, districts as "8.0").
The small files are the other encodings the reader accepts, and one without Date_Time_Opened.
"""
import csv
import math
import random
import sys
from datetime import datetime, timezone

import pyarrow as pa
import pyarrow.parquet as pq

TYPES = [("Trash, Recycling & Litter", "Missed Pickup - Trash Cart Service", "Cart Service"),
         ("Public Safety", "Control Number Request for Towing", None),
         ("Streets, Roads & Sidewalks", "Potholes", "Roadway"),
         ("Property Violations", "Tall Grass and Weeds", None),
         ("Resolved by hubNashville on First Call", "General Inquiry", None),
         ("Public_Works_WO", "Dead Animal Pickup", "Roadway")]
ORIGINS = ["hubNashville Community", "Phone", "Mobile App"]
AS_OF_MS = 1764028799000          # 2025-11-24T23:59:59Z
DAY_MS = 86_400_000


def rows(n, seed=311):
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        t, s, a = TYPES[rnd.randrange(len(TYPES))]
        opened = AS_OF_MS - rnd.randrange(100 * DAY_MS // 1000) * 1000          # whole seconds, ~100 days back
        closed = opened + rnd.randrange(20 * DAY_MS // 1000) * 1000 if rnd.random() < 0.7 else math.nan
        if closed == closed and closed > AS_OF_MS + 5 * DAY_MS:
            closed = math.nan
        lon, lat = rnd.uniform(-86.95, -86.6), rnd.uniform(36.05, 36.3)
        district = float(rnd.randint(1, 35))
        quirk = rnd.random()
        if quirk < 0.03:
            opened = math.nan                     # no open time: rejected as missing
        elif quirk < 0.06:
            lon = lat = math.nan                  # no point: kept by its district field
        elif quirk < 0.10:
            district = math.nan                   # no district field: placed by its point
        elif quirk < 0.11:
            lon, lat = -86.2, 36.8                # inside the city's box, outside every district
        out.append({"OBJECTID": 100000 + i, "Request__": str(2_000_000 + i),
                    "Status": "Closed" if closed == closed else rnd.choice(["New", "Assigned"]),
                    "Request_Type": t, "Subrequest_Type": s, "Additional_Subrequest_Type": a,
                    "Date_Time_Opened": float(opened), "Date_Time_Closed": float(closed),
                    "Request_Origin": rnd.choice(ORIGINS), "Address": f"{rnd.randint(1, 9999)} Broadway, Nashville, TN",
                    "City": "NASHVILLE", "ZIP": "372%02d" % rnd.randint(1, 99), "Council_District": district,
                    "Latitude": lat, "Longitude": lon})
    return out


def table(records):
    cols = {k: [r[k] for r in records] for k in records[0]}
    return pa.table({k: pa.array(v, type=pa.float64()) if k in ("Date_Time_Opened", "Date_Time_Closed",
                     "Council_District", "Latitude", "Longitude") else pa.array(v) for k, v in cols.items()})


def utc_text(ms):
    return "" if ms != ms else datetime.fromtimestamp(ms / 1000, timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def write_csv(records, path):
    header = ["Request #", "Status", "Request Type", "Subrequest Type", "Additional Subrequest Type",
              "Date /Time Opened", "Date/Time Closed", "Request Origin", "Address", "City", "Council District",
              "ZIP", "Latitude", "Longitude"]
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for r in records:
            w.writerow([r["Request__"], r["Status"], r["Request_Type"], r["Subrequest_Type"],
                        r["Additional_Subrequest_Type"] or "", utc_text(r["Date_Time_Opened"]),
                        utc_text(r["Date_Time_Closed"]), r["Request_Origin"], r["Address"], r["City"],
                        "" if r["Council_District"] != r["Council_District"] else repr(r["Council_District"]),
                        r["ZIP"], "" if r["Latitude"] != r["Latitude"] else repr(r["Latitude"]),
                        "" if r["Longitude"] != r["Longitude"] else repr(r["Longitude"])])


def main():
    if len(sys.argv) == 3:
        recs = rows(int(sys.argv[1]))
        pq.write_table(table(recs), f"{sys.argv[2]}/requests.parquet")
        write_csv(recs, f"{sys.argv[2]}/requests.csv")
        return
    recs = rows(400)
    pq.write_table(table(recs), "requests.parquet")
    write_csv(recs, "requests.csv")
    # int64 dates (null for missing), int64 districts, and plain row groups of 2 rows
    pq.write_table(pa.table({"Request__": ["1", "2", "3"],
                             "Date_Time_Opened": pa.array([1757504703000, None, 1757504705000], pa.int64()),
                             "Date_Time_Closed": pa.array([1757515653000, None, None], pa.int64()),
                             "Council_District": pa.array([8, 19, None], pa.int64()),
                             "Latitude": [36.035978507533, None, 36.16], "Longitude": [-86.5852091275156, None, -86.78]}),
                   "int-dates.parquet", row_group_size=2)
    # string districts ("8", "8.0", null), float dates
    pq.write_table(pa.table({"Request__": ["1", "2", "3"],
                             "Date_Time_Opened": [1757504703000.0, 1757504704000.0, math.nan],
                             "Council_District": ["8", "8.0", None]}), "string-district.parquet")
    pq.write_table(pa.table({"Request__": ["1"], "Status": ["Closed"]}), "no-open-date.parquet")


if __name__ == "__main__":
    main()
