"""Print the benchmark's figures: per scenario, the fault checks, and the portal beside its peer."""

import math
import os

LABELS = {
    "submission": "public form submission",
    "tracking": "tracking look-up",
    "documents": "document search",
    "admin_list": "officer's admin list",
}


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def figures(result, name):
    scenario = result["scenarios"].get(name)
    if scenario is None or (not scenario["available"] and not scenario["latencies"]):
        return None
    latencies = scenario["latencies"]
    return {
        "ops": len(latencies),
        "requests": scenario["requests"],
        "rate": len(latencies) / result["duration"],
        "p50": percentile(latencies, 0.50),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
        "errors": scenario["errors"],
        "samples": scenario["error_samples"],
    }


def ms(value):
    return "-" if value is None else f"{value * 1000:.0f}"


def print_scenarios(title, result):
    print(f"\n{title}")
    print(
        f"  {'scenario':<24}{'actions':>9}{'HTTP req':>10}{'actions/s':>11}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}{'errors':>8}"
    )
    for name in result["scenarios"]:
        label = LABELS.get(name, name)
        row = figures(result, name)
        if row is None:
            print(f"  {label:<24}not available (the page answers 404 on this branch)")
            continue
        print(
            f"  {label:<24}{row['ops']:>9}{row['requests']:>10}{row['rate']:>11.1f}{ms(row['p50']):>9}"
            f"{ms(row['p95']):>9}{ms(row['p99']):>9}{row['errors']:>8}"
        )
        for sample in row["samples"]:
            print(f"  {'':<24}error: {sample}")


def print_checks(checks, notifications, faults):
    print("\nfaults injected during the mixed run:")
    for fault in faults or ["none: the client ended before the first fault (no scenario had a page to load)"]:
        print(f"  - {fault}")
    print(f"\nsubmissions acknowledged to a client (registration number shown): {checks['acknowledged']}")
    print(f"lost: {checks['lost']}, duplicated: {checks['duplicated']}")
    print(
        f"  stored under another number than shown: {checks['wrong_number']}; "
        f"stored but never acknowledged (client saw an error or was cut off): {checks['stored_unacknowledged']}"
    )
    if checks["examples"]:
        print(f"  examples: {', '.join(checks['examples'])}")
    if notifications is None:
        print(
            "notifications: not checked: this branch has no outbox table (smartgov_outboxmessage); "
            "only the grievance rows were checked"
        )
    else:
        print(
            f"notifications (confirmation e-mails in the outbox): expected {notifications['expected']}, "
            f"missing {notifications['missing']}, duplicated {notifications['duplicated']}, "
            f"sent {notifications['sent']}, still pending {notifications['pending']}"
        )


def print_peer(ours, theirs, args):
    print(
        f"\npublic form submissions, {args.concurrency} virtual users, {args.workers} gunicorn workers each, "
        f"{args.submit_seconds:.0f} s, no faults (one action = GET form, POST, GET confirmation)"
    )
    mine, peer = figures(ours, "submission"), figures(theirs, "submission") if theirs else None
    print(f"  {'':<22}{'smartgov':>14}{'django-helpdesk':>18}")
    for key, label, fmt in [
        ("rate", "submissions/s", "{:.1f}"),
        ("p50", "p50 ms", None),
        ("p95", "p95 ms", None),
        ("p99", "p99 ms", None),
        ("errors", "errors", "{}"),
    ]:
        cells = []
        for row in (mine, peer):
            if row is None:
                cells.append("n/a")
            else:
                cells.append(fmt.format(row[key]) if fmt else ms(row[key]))
        print(f"  {label:<22}{cells[0]:>14}{cells[1]:>18}")
    if theirs:
        print(f"  django-helpdesk tickets stored: {theirs.get('stored')}, acknowledged: {len(theirs['acks'])}")
    if mine is None or peer is None or not peer["rate"] or not mine["ops"]:
        print("ratio: not available (a side has no submission figures)")
        return
    ratio = mine["rate"] / peer["rate"]
    lower = mine["p95"] < peer["p95"]
    verdict = "met" if ratio >= 1.5 and lower else "NOT met"
    print(
        f"ratio smartgov / django-helpdesk: {ratio:.2f}x submissions/s; p95 {ms(mine['p95'])} ms vs "
        f"{ms(peer['p95'])} ms ({'lower' if lower else 'not lower'})"
    )
    print(f"target (at least 1.5x the submissions/s at a lower p95): {verdict}")


def print_all(*, mixed, ours, theirs, checks, notifications, faults, args):
    print("\n" + "=" * 96)
    print(
        f"smartgov load benchmark: {args.cases:,} cases, {os.cpu_count()} CPU cores, "
        f"{args.workers} gunicorn workers, {args.concurrency} virtual users, loopback only"
    )
    print_scenarios(f"mixed load, {args.mixed_seconds:.0f} s, with the faults below", mixed)
    print_checks(checks, notifications, faults)
    print_scenarios(f"submissions only, {args.submit_seconds:.0f} s", ours)
    if theirs is None:
        print("\npeer: skipped (--skip-peer)")
    else:
        print_peer(ours, theirs, args)
    print("=" * 96)
