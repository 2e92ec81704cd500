/// smgen's stages, from a config's bytes to the files of each of its environments:
///
/// 1. **parse**: the bytes into a tree of marked YAML nodes (`YAMLParser`, `YAMLNode`);
/// 2. **load**: the tree into a checked `Config`, or every diagnostic of it at once
///    (`ConfigLoader`: `ConfigReader` reads the keys, `ConfigRules` and `NameRules` check
///    what relates them);
/// 3. **plan**: an environment's platform model, `EnvironmentPlan`: every stack with its
///    kind, part, name and dependencies in deploy order (`Planner`, `DeployOrder`), and every
///    policy document; names and references only, no templates;
/// 4. **build**: one part's templates and policy documents, as values (`BuiltPart`, by
///    `StackBuilder` and `PolicyBuilder`);
/// 5. **check**: what CloudFormation or IAM would refuse, read from what the build made:
///    the overrides (`Overrides`), and each stack's tally (`StackTally`) folded into the
///    limits (`TemplateLimits`, `AttachmentLimits`, `RegionalAvailability`) and the
///    account's quotas (`AccountQuotas`);
/// 6. **render**: values into text (`FileRenderer`: each part's stacks and policy files;
///    `Renderer`: the README, the scripts and the manifest of the environment);
/// 7. **write**: each file handed to a sink (`RenderedFileSink`): the staging tree that
///    `OutputWriter` commits in one step (`render`), memory (`render --check`, `diff`), or
///    nothing (`validate`).
///
/// Stages 4 to 6 run a part at a time (a user shard, a team, a project with its people,
/// pipeline and endpoints) on every core: a part's templates exist only while it is built,
/// checked and rendered, so the memory of a large org's render stays that of a few parts.
/// When a check fails, the files already handed to the sink are never committed.
enum Pipeline {
    /// What one environment's run came to.
    struct Outcome {
        /// What is wrong with the config for this environment; when any, the files handed to
        /// the sink are incomplete and must not be used.
        let errors: [Diagnostic]
        /// What the config's author should know before deploying (account quotas).
        let warnings: [Diagnostic]
        let stacks: Int
        let policies: Int
    }

    /// Stages 1 and 2: the config in `bytes` (read from `file`), or why not.
    static func load(_ bytes: [UInt8], file: String) -> LoadResult {
        ConfigLoader.load(bytes: bytes, file: file)
    }

    /// Stages 3 to 7 for one environment of a loaded config: its files handed to `sink`.
    /// `configName` and `configDigest` name the config in the files. Throws what the sink throws.
    static func run(
        _ config: Config, _ environment: Environment, configName: String, configDigest: String,
        into sink: any RenderedFileSink
    ) throws -> Outcome {
        // Plan.
        let plan = Planner.plan(config, environment)
        let file = config.file
        let context = PlatformContext(config: config, environment: environment)
        let overrides = Overrides.byStack(config, environment: environment.name)
        let renderer = FileRenderer(sink: sink, environment: environment, configName: configName)
        // Build, check, render and write each part, on every core.
        let parts = try Parallel.map(plan.parts) { part in
            try run(part, context: context, overrides: overrides, renderer: renderer)
        }
        // Check the environment. An override that cannot apply comes first: the limits would
        // be counted on templates other than the ones asked for.
        let overrideErrors = Overrides.checkStacks(config, plan) + parts.flatMap(\.overrideProblems)
        if !overrideErrors.isEmpty { return Outcome(errors: overrideErrors, warnings: [], stacks: 0, policies: 0) }
        var byName: [String: (tally: StackTally, file: RenderedFile)] = [:]
        byName.reserveCapacity(plan.stacks.count)
        for part in parts {
            for (tally, file) in zip(part.tallies, part.stackFiles) { byName[tally.stack] = (tally, file!) }
        }
        let stacks = plan.stacks.map { (plan: $0, done: byName[$0.name]!) }
        let tallies = stacks.map(\.done.tally)
        let limits =
            RegionalAvailability.check(tallies, environment, file: file)
            + AttachmentLimits.check(tallies, environment, file: file)
        if !limits.isEmpty { return Outcome(errors: limits, warnings: [], stacks: 0, policies: 0) }
        // Render and write the environment's own files, then check the templates' sizes.
        let policies = parts.flatMap(\.policyFiles)
        try Renderer.render(
            plan, stacks: stacks.map { ($0.plan, $0.done.file, $0.done.tally.resources) }, policies: policies,
            config: config,
            configName: configName, configDigest: configDigest, with: renderer)
        let sizes = Dictionary(uniqueKeysWithValues: stacks.map { ($0.done.file.path, $0.done.file.size) })
        return Outcome(
            errors: TemplateLimits.check(tallies, sizes: sizes, environment, file: file),
            warnings: AccountQuotas.check(tallies, environment, file: file),
            stacks: plan.stacks.count, policies: policies.count)
    }

    /// Stages 4 to 6 for one part of the plan, on the calling core.
    private static func run(
        _ part: PlanPart, context: PlatformContext, overrides: [String: [Override]],
        renderer: FileRenderer
    ) throws -> PartOutcome {
        let built = BuiltPart(part, context)
        var tallies: [StackTally] = []
        var files: [RenderedFile?] = []
        var problems: [Diagnostic] = []
        for stack in built.stacks {
            tallies.append(StackTally(stack))
            let (template, found) = Overrides.applied(
                overrides[stack.plan.name] ?? [], to: stack, file: context.config.file)
            problems += found
            files.append(try template.map { try renderer.render(stack.plan, template: $0) })
        }
        return PartOutcome(
            tallies: tallies, stackFiles: files, policyFiles: try built.policies.map(renderer.render),
            overrideProblems: problems)
    }
}
