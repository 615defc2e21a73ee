#!/usr/bin/env python3
"""Ctrl-C during the launcher's recording run (the first run of a subcommand on a jar, JDK 25+).

Starts `./gpkg311 generate` in a session of its own, as a terminal would, and once it is under way sends
SIGINT to its whole process group, as Ctrl-C does. On JDK 25+ it must then exit with 143 (java stopped by the
TERM the script passes on; 130 before 25, where the script execs java) and leave behind no java, no stderr
filter, no temporary file and no class cache, and the JVM's recording notice must not have reached stderr.
Run from the checkout, after a successful `./gpkg311 generate` (the jar is built; its cache is removed here).
"""
import glob
import os
import shutil
import signal
import subprocess
import sys
import time

# The JDK the launcher picks (.ci/jdk.sh); before 25 it has no recording run and execs java, which Ctrl-C stops (130).
version = subprocess.run(["bash", "-c", '. .ci/jdk.sh && sed -n "s/^JAVA_VERSION=\\"\\([0-9]*\\).*/\\1/p" "$JAVA_HOME/release"'],
                         capture_output=True, text=True, check=True).stdout.strip()
expected = 143 if int(version or 0) >= 25 else 130

target = os.path.join("cli", "target")
cache = os.path.join(target, "gpkg311-generate.aot")
if os.path.exists(cache):
    os.remove(cache)
# What the interrupted run leaves in its output folder is the pipeline's business, tested elsewhere.
out = os.path.join(target, "stop-test-out")

run = subprocess.Popen(["./gpkg311", "generate", "--output", out], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, start_new_session=True)
# Wait for the first stage line ("[   0.61s] snapshot ..."): java is running, its stderr through the filter.
seen = []
while not seen or not seen[-1].startswith("["):
    line = run.stderr.readline()
    if not line:
        sys.exit("launcher-stops: the run ended before its first stage line (exit %s):\n%s" % (run.wait(), "".join(seen)))
    seen.append(line)
os.killpg(run.pid, signal.SIGINT)
rest = run.stderr.read()
status = run.wait()
time.sleep(0.5)
shutil.rmtree(out, ignore_errors=True)

problems = []
if status != expected:
    problems.append("exit %d, expected %d (JDK %s)" % (status, expected, version))
# Whatever is left of the run's group (java, the filter) is still in it after the script ended.
try:
    os.killpg(run.pid, 0)
    problems.append("processes of the run are still alive: " + subprocess.run(
        ["ps", "-o", "pid,args", "-g", str(run.pid)], capture_output=True, text=True).stdout.strip())
except ProcessLookupError:
    pass
left = glob.glob(cache + ".config.*")
if left:
    problems.append("temporary files left: %s" % left)
if os.path.exists(cache):
    problems.append("a class cache was made from an interrupted run")
if "AOTConfiguration" in "".join(seen) + rest:
    problems.append("the JVM's notice reached stderr")
if problems:
    sys.exit("launcher-stops: " + "; ".join(problems) + "\nstderr:\n" + "".join(seen) + rest)
print("launcher-stops: Ctrl-C during the first run on JDK %s: exit %d, nothing left behind" % (version, status))
