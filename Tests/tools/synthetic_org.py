"""A synthetic org for the tests at scale: TEAMS teams of PROJECTS projects, each project with
USERS members of its own (`u{team}x{project}x{n}`), one admin, and the ECR, model registry and
monitoring modules on: the shape of the benchmark's org."""


def write(path, teams, projects, users):
    """Writes the org's smgen.yaml to `path`."""
    lines = [
        "version: 1",
        "org:",
        "  company: bench",
        "environments:",
        "  dev:",
        '    account: "123456789012"',
        "    region: us-west-2",
        "    vpc:",
        "      id: vpc-0a1b2c3d4e5f60718",
        "      cidr: 10.0.0.0/16",
        "      subnets: [subnet-0aa11bb22cc33dd44, subnet-0ee55ff66aa77bb88]",
        "    template_bucket: bench-cfn-templates-123456789012",
        "modules:",
        "  ecr: {enabled: true}",
        "  model_registry: {enabled: true}",
        "  monitoring: {enabled: true}",
        "admins: [admin0]",
        "users:",
        "  admin0: {}",
    ]
    members = {(t, p): [f"u{t}x{p}x{n}" for n in range(users)] for t in range(teams) for p in range(projects)}
    lines += [f"  {user}: {{}}" for names in members.values() for user in names]
    lines.append("teams:")
    for t in range(teams):
        lines += [f"  t{t}:", f"    name: Team {t}", "    projects:"]
        for p in range(projects):
            lines += [f"      proj-{p}:", f"        members: [{', '.join(members[(t, p)])}]"]
    path.write_text("\n".join(lines) + "\n")
