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


ROLES = ["web workers", "PostgreSQL", "load client", "Celery worker", "Redis"]
SMARTGOV, HELPDESK, BARE = "smartgov", "django-helpdesk", "bare view"
# Issue 18's target: a submission at most a third of django-helpdesk's CPU.
TARGET_SHARE = 0.33


def median(values):
    ordered = sorted(v for v in values if v is not None)
    if not ordered:
        return None
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def cpu_per_submission(row):
    return sum(row["cpu"].values()) / row["completed"] if row["completed"] else 0.0


def side_cpu(rows):
    """CPU per submission by role over all of a side's rounds: summed CPU over summed submissions."""
    done = sum(row["completed"] for row in rows)
    by_role = {role: sum(row["cpu"].get(role, 0.0) for row in rows) / done if done else 0.0 for role in ROLES}
    return {"total": sum(by_role.values()), **by_role}


def median_round(rows):
    """The side's round whose rate is the median one (the lower middle of an even count)."""
    ordered = sorted(rows, key=lambda row: row["rate"])
    return ordered[(len(ordered) - 1) // 2] if ordered else None


def print_rounds(rounds, args):
    print(
        f"\npublic form submissions in alternated rounds: {args.rounds} rounds, each side {args.submit_seconds:.0f} s "
        f"a round, {args.concurrency} virtual users, {args.workers} gunicorn workers each, no faults"
    )
    print(
        f"  {'round':<7}{'side':<17}{'subm./s':>9}{'p50 ms':>8}{'p95 ms':>8}{'errors':>8}{'CPU ms/subm.':>14}"
        f"{'ours/busy':>11}{'load 1 min':>12}"
    )
    for row in rounds:
        share = sum(row["cpu"].values()) / row["busy"] if row["busy"] else 0.0
        print(
            f"  {row['round']:<7}{row['side']:<17}{row['rate']:>9.1f}{ms(row['p50']):>8}{ms(row['p95']):>8}"
            f"{row['errors']:>8}{cpu_per_submission(row) * 1000:>14.1f}{share:>10.0%}{row['load'][1]:>12.2f}"
        )
        for sample in row["samples"]:
            print(f"  {'':<24}error: {sample}")


def requests_per_submission(rows):
    """Requests a flow took: both counted over the flows started after the warm-up (completed counts all)."""
    counted = sum(row.get("counted", 0) for row in rows)
    return sum(row.get("requests", 0) for row in rows) / counted if counted else 0.0


def print_floor(side, cpu, by_side):
    """What a third of helpdesk's CPU leaves a portal's web workers, a request, beside the bare view's cost a request.

    The other processes (PostgreSQL, the load client reading the pages, the
    Celery worker, Redis) are taken as they are: the line says how cheap the
    web workers' requests would have to be for the target to hold.
    """
    outside = cpu[side]["total"] - cpu[side]["web workers"]
    left = cpu[HELPDESK]["total"] * TARGET_SHARE - outside
    ours, bare = requests_per_submission(by_side[side]), requests_per_submission(by_side[BARE])
    if not ours or not bare:
        return
    print(
        f"  outside its web workers {side} takes {outside * 1000:.1f} ms a submission "
        f"({outside / cpu[HELPDESK]['total']:.2f} of django-helpdesk's): the target leaves its web workers "
        f"{left * 1000:.1f} ms for {ours:.1f} requests ({left / ours * 1000:.2f} ms each), where the bare view's "
        f"spend {cpu[BARE]['web workers'] / bare * 1000:.2f} ms on each of its {bare:.1f}"
    )


def print_comparison(rounds):
    sides = list(dict.fromkeys(row["side"] for row in rounds))
    by_side = {side: [row for row in rounds if row["side"] == side] for side in sides}
    print("\nmedians over the rounds")
    print(f"  {'side':<17}{'subm./s':>9}{'p95 ms':>8}{'CPU ms/subm.':>14}")
    medians = {}
    for side in sides:
        rows = by_side[side]
        medians[side] = {
            "rate": median([row["rate"] for row in rows]),
            "p95": median([row["p95"] for row in rows]),
            "cpu": median([cpu_per_submission(row) for row in rows]),
        }
        print(
            f"  {side:<17}{medians[side]['rate']:>9.1f}{ms(medians[side]['p95']):>8}"
            f"{medians[side]['cpu'] * 1000:>14.1f}"
        )
    print("\nCPU per submission by process, ms (all rounds: the processes' CPU from /proc over the submissions done)")
    print(f"  {'side':<17}{'total':>8}" + "".join(f"{role:>15}" for role in ROLES))
    cpu = {side: side_cpu(by_side[side]) for side in sides}
    for side in sides:
        cells = "".join(f"{cpu[side][role] * 1000:>15.1f}" if cpu[side][role] else f"{'-':>15}" for role in ROLES)
        print(f"  {side:<17}{cpu[side]['total'] * 1000:>8.1f}{cells}")
    loads = [row["load"][1] for row in rounds]
    shares = [sum(row["cpu"].values()) / row["busy"] for row in rounds if row["busy"]]
    print(
        f"\nload average (1 min) during the rounds: {min(loads):.2f}–{max(loads):.2f}; the measured processes held "
        f"{min(shares):.0%}–{max(shares):.0%} of the machine's busy CPU (the rest: other jobs)"
    )
    portals = [side for side in sides if side.startswith(SMARTGOV)]
    for side in portals:
        headline = "HEADLINE: " if side == SMARTGOV else ""
        if HELPDESK in cpu and cpu[HELPDESK]["total"]:
            ratio = cpu[side]["total"] / cpu[HELPDESK]["total"]
            print(
                f"{headline}CPU per submission {side} / django-helpdesk = {ratio:.2f} "
                f"({cpu[side]['total'] * 1000:.1f} / {cpu[HELPDESK]['total'] * 1000:.1f} ms; target ≤ 0.33: "
                f"{'met' if ratio <= TARGET_SHARE else 'NOT met'}), load average {min(loads):.2f}–{max(loads):.2f}"
            )
            rate_ratio = medians[side]["rate"] / medians[HELPDESK]["rate"] if medians[HELPDESK]["rate"] else 0
            ours, theirs = median_round(by_side[side]), median_round(by_side[HELPDESK])
            lower = ours["p95"] is not None and theirs["p95"] is not None and ours["p95"] < theirs["p95"]
            print(
                f"  submissions/s {side} / django-helpdesk (medians): {rate_ratio:.2f}x; p95 in the median round "
                f"{ms(ours['p95'])} ms vs {ms(theirs['p95'])} ms ({'lower' if lower else 'NOT lower'})"
            )
        if HELPDESK in cpu and BARE in cpu and cpu[HELPDESK]["total"] and cpu[BARE]["web workers"]:
            print_floor(side, cpu, by_side)
        if BARE in medians and medians[BARE]["rate"]:
            share = medians[side]["rate"] / medians[BARE]["rate"]
            print(
                f"  {side}'s rate is {share:.0%} of the bare one-INSERT view's (medians, "
                f"{medians[side]['rate']:.1f} vs {medians[BARE]['rate']:.1f}/s; "
                f"target ≥ 40 %: {'met' if share >= 0.40 else 'NOT met'}); CPU per submission "
                f"{cpu[side]['total'] / cpu[BARE]['total']:.1f}x the bare view's"
            )
    for side in portals:
        if side != SMARTGOV and SMARTGOV in cpu and cpu[side]["total"]:
            print(
                f"CPU per submission smartgov / {side}: {cpu[SMARTGOV]['total'] / cpu[side]['total']:.2f} "
                f"(web workers {cpu[SMARTGOV]['web workers'] / cpu[side]['web workers']:.2f}, PostgreSQL "
                f"{cpu[SMARTGOV]['PostgreSQL'] / cpu[side]['PostgreSQL']:.2f})"
            )


def print_all(*, rounds, mixed, checks, notifications, faults, args):
    print("\n" + "=" * 100)
    print(
        f"smartgov load benchmark: {args.cases:,} cases, {os.cpu_count()} CPU cores, "
        f"{args.workers} gunicorn workers, {args.concurrency} virtual users, loopback only"
    )
    if mixed is not None:
        print_scenarios(f"mixed load on smartgov, {args.mixed_seconds:.0f} s, with the faults below", mixed)
        print_checks(checks, notifications, faults)
    print_rounds(rounds, args)
    print_comparison(rounds)
    print("=" * 100)
