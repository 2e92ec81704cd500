"""A recording stand-in for the aws CLI: logs each call's arguments to $FAKE_AWS_LOG and
answers from the rules in $FAKE_AWS_RULES (a JSON list of {"match": regex over the
arguments, "stdout", "stderr", "exit", optional "times" and "sleep"}); the first matching
rule answers, a rule with "times" answers that many times only, a rule with "sleep" takes
that many seconds and logs `done: ` and the call when it ends (to see calls overlap). Calls
no rule matches print nothing. Each call's process id goes to $FAKE_AWS_LOG.pids, so a test
can tell whether any call outlived the script that made it."""
import json
import os
import re
import shlex
import sys
import time


def main(args):
    with open(os.environ["FAKE_AWS_LOG"], "a") as log:
        log.write("aws " + shlex.join(args) + "\n")
    with open(os.environ["FAKE_AWS_LOG"] + ".pids", "a") as pids:
        pids.write(f"{os.getpid()}\n")
    state_path = os.environ["FAKE_AWS_LOG"] + ".state"
    # Only rules with "times" keep state: the calls of a parallel deploy use none.
    used = json.load(open(state_path)) if os.path.exists(state_path) else {}
    line = " ".join(args)
    for index, rule in enumerate(json.load(open(os.environ["FAKE_AWS_RULES"]))):
        if not re.search(rule["match"], line):
            continue
        key = str(index)
        if "times" in rule:
            if used.get(key, 0) >= rule["times"]:
                continue
            used[key] = used.get(key, 0) + 1
            json.dump(used, open(state_path, "w"))
        if "sleep" in rule:
            time.sleep(rule["sleep"])
            with open(os.environ["FAKE_AWS_LOG"], "a") as log:
                log.write("done: aws " + shlex.join(args) + "\n")
        sys.stdout.write(rule.get("stdout", ""))
        sys.stderr.write(rule.get("stderr", ""))
        return rule.get("exit", 0)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
