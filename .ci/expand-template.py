"""Expands the template's CloudFormation language extensions (Fn::ForEach) with SAM CLI's own expander.

SAM CLI 1.170's `sam build` fails on a top-level Fn::ForEach (its application plugin reads the ForEach list as a
resource), while `sam validate --lint`, cfn-lint and CloudFormation accept it. So .ci/sam.sh builds from this
expansion; the expander also fills in the parameters' defaults, so this build is a check of the packages (what CI runs);
deploy with CloudFormation's own transform of template.yaml (docs/serverless.md).
Usage: .cache/venv-sam/bin/python .ci/expand-template.py template.yaml > template.expanded.yaml
"""
import json
import sys

import yaml
from samcli.lib.cfn_language_extensions.sam_integration import process_template_for_sam_cli
from samcli.yamlhelper import yaml_parse

with open(sys.argv[1], encoding="utf-8") as f:
    template = yaml_parse(f.read())
expanded = process_template_for_sam_cli(template, {})
transform = expanded.get("Transform")
if isinstance(transform, list):
    expanded["Transform"] = [t for t in transform if t != "AWS::LanguageExtensions"] or "AWS::Serverless-2016-10-31"
# plain dicts and lists (the expander returns OrderedDicts), then YAML that sam build reads
yaml.safe_dump(json.loads(json.dumps(expanded)), sys.stdout, sort_keys=False, width=120)
