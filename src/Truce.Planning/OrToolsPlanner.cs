using System.Diagnostics;
using Google.OrTools.Graph;
using Google.OrTools.Sat;
using Truce.Core.Planning;

namespace Truce.Planning;

/// <summary>
/// The optimiser. Stage 1 maximises coverage value: by min-cost flow when the model is transportation-shaped
/// (every offer divisible into single units and no per-member limit), else by CP-SAT. When CP-SAT finds no
/// plan in time (very large models), the flow relaxation gives the bound and its allocation, rounded down to
/// whole units and topped up first-fit, gives the plan. Stage 2, by CP-SAT with coverage held at its stage-1
/// value, minimises nation-lines and then readiness (see <see cref="PlanObjective"/>). Every result states
/// status, objective, best bound, gap and time.
/// </summary>
public sealed class OrToolsPlanner : IPlanner
{
    private static readonly TimeSpan ResultMargin = TimeSpan.FromMilliseconds(60);

    // When CP-SAT does the coverage stage, it gets this share of the time and the preferences the rest.
    private const double CoverageShare = 0.7;

    /// <summary>CP-SAT workers; the machine Truce is sized for has two cores.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>Skip stage 2, e.g. to measure stage 1 alone.</summary>
    public bool CoverageOnly { get; init; }

    /// <summary>Above this many allocation variables CP-SAT's presolve alone outlasts a planner's patience; round the flow relaxation instead.</summary>
    public int MaxCpSatArcs { get; init; } = 60_000;

    public PlanResult Solve(PlanningProblem problem, TimeSpan timeLimit)
    {
        var started = Stopwatch.GetTimestamp();
        var arcs = Eligibility.Arcs(problem);
        var transportation = problem.Offers.All(o => o.UnitSize == 1) && problem.Scenario.MemberLimits.Count == 0;

        long[] quantities;
        PlanStatus status;
        long bound;
        string method;
        if (transportation)
        {
            (quantities, status, bound) = MinCostFlowStage(problem, arcs);
            method = "min-cost flow";
        }
        // The solver gets what is left of the limit, less a margin for assembling the result, so that the
        // whole plan — not just the search — fits in the time asked for.
        else if (arcs.Count <= MaxCpSatArcs && CoverageStage(problem, arcs, (timeLimit - Stopwatch.GetElapsedTime(started) - ResultMargin) * (CoverageOnly ? 1 : CoverageShare)) is { } solved)
        {
            (quantities, status, bound) = solved;
            method = "CP-SAT";
        }
        else
        {
            (quantities, status, bound) = RoundedRelaxation(problem, arcs);
            method = "flow relaxation rounded to whole units (or first fit, if better)";
        }

        var secondary = PlanStatus.NotRun;
        if (!CoverageOnly && arcs.Count > 0 && arcs.Count <= MaxCpSatArcs)
        {
            var remaining = timeLimit - Stopwatch.GetElapsedTime(started) - ResultMargin;
            if (remaining > TimeSpan.FromMilliseconds(10))
            {
                (quantities, secondary) = PreferenceStage(problem, arcs, quantities, remaining);
                method += " + CP-SAT (nations, readiness)";
            }
        }
        else if (arcs.Count == 0)
        {
            secondary = PlanStatus.Optimal;
        }

        var allocated = arcs.Select((a, i) => (a.Offer, a.Requirement, quantities[i])).ToList();
        return PlanObjective.Result(problem, method, status, bound, secondary, Stopwatch.GetElapsedTime(started), allocated);
    }

    // Source → offer (its quantity) → requirement (unit value as negative cost) → sink (demand), plus a
    // free source → sink arc for what stays unused. Integral and optimal.
    private static (long[] Quantities, PlanStatus Status, long Bound) MinCostFlowStage(PlanningProblem problem, IReadOnlyList<(int Offer, int Requirement)> arcs)
    {
        var offers = problem.Offers.Count;
        var source = 0;
        var sink = 1 + offers + problem.Requirements.Count;
        var flow = new MinCostFlow();
        var total = problem.Offers.Sum(o => o.Quantity);
        for (var o = 0; o < offers; o++)
        {
            flow.AddArcWithCapacityAndUnitCost(source, 1 + o, problem.Offers[o].Quantity, 0);
        }

        var arcIds = new int[arcs.Count];
        for (var i = 0; i < arcs.Count; i++)
        {
            var (o, r) = arcs[i];
            var requirement = problem.Requirements[r];
            arcIds[i] = flow.AddArcWithCapacityAndUnitCost(1 + o, 1 + offers + r, Math.Min(problem.Offers[o].Quantity, requirement.Quantity), -PlanObjective.UnitValue(requirement));
        }

        for (var r = 0; r < problem.Requirements.Count; r++)
        {
            flow.AddArcWithCapacityAndUnitCost(1 + offers + r, sink, problem.Requirements[r].Quantity, 0);
        }

        flow.AddArcWithCapacityAndUnitCost(source, sink, total, 0);
        flow.SetNodeSupply(source, total);
        flow.SetNodeSupply(sink, -total);
        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"Min-cost flow ended with {status}.");
        }

        var quantities = arcIds.Select(a => flow.Flow(a)).ToArray();
        return (quantities, PlanStatus.Optimal, -flow.OptimalCost());
    }

    // The flow relaxation (units of one, member limits dropped) bounds every plan from above. Its allocation,
    // rounded down to whole units and trimmed to member limits, then topped up first-fit, is a valid plan.
    private static (long[] Quantities, PlanStatus Status, long Bound) RoundedRelaxation(PlanningProblem problem, IReadOnlyList<(int Offer, int Requirement)> arcs)
    {
        var relaxed = problem with { Offers = problem.Offers.Select(o => o with { UnitSize = 1 }).ToList() };
        var (flow, _, bound) = MinCostFlowStage(relaxed, arcs);
        var quantities = new long[arcs.Count];
        var supply = problem.Offers.Select(o => o.Quantity).ToArray();
        var demand = problem.Requirements.Select(r => r.Quantity).ToArray();
        var memberLeft = new Dictionary<(string, string), long>();
        bool Take(int i, long wanted)
        {
            var (o, r) = arcs[i];
            var offer = problem.Offers[o];
            var room = Math.Min(Math.Min(wanted, supply[o]), demand[r]);
            var capKey = (offer.Member, problem.Capabilities[offer.CapabilityCode].Measure);
            if (problem.Scenario.MemberLimits.TryGetValue(offer.Member, out var limit))
            {
                room = Math.Min(room, limit - memberLeft.GetValueOrDefault(capKey));
            }

            var take = room / offer.UnitSize * offer.UnitSize;
            if (take <= 0)
            {
                return false;
            }

            quantities[i] += take;
            supply[o] -= take;
            demand[r] -= take;
            memberLeft[capKey] = memberLeft.GetValueOrDefault(capKey) + take;

            return true;
        }

        for (var i = 0; i < arcs.Count; i++)
        {
            Take(i, flow[i]);
        }

        foreach (var i in Enumerable.Range(0, arcs.Count).OrderBy(i => problem.Requirements[arcs[i].Requirement].Priority).ThenByDescending(i => PlanObjective.UnitValue(problem.Requirements[arcs[i].Requirement])))
        {
            Take(i, long.MaxValue);
        }

        // Keep whichever is better: the rounded relaxation or the plain first-fit plan.
        var value = arcs.Select((a, i) => PlanObjective.UnitValue(problem.Requirements[a.Requirement]) * quantities[i]).Sum();
        var greedy = new GreedyPlanner().Solve(problem, TimeSpan.Zero);
        if (greedy.Objective > value)
        {
            quantities = Quantities(greedy, problem, arcs);
            value = greedy.Objective;
        }

        return (quantities, value == bound ? PlanStatus.Optimal : PlanStatus.Feasible, bound);
    }

    private (long[] Quantities, PlanStatus Status, long Bound)? CoverageStage(PlanningProblem problem, IReadOnlyList<(int Offer, int Requirement)> arcs, TimeSpan timeLimit)
    {
        var model = new CpModel();
        var blocks = Blocks(model, problem, arcs);
        var value = LinearExpr.NewBuilder();
        for (var i = 0; i < arcs.Count; i++)
        {
            var (o, r) = arcs[i];
            value.AddTerm(blocks[i], PlanObjective.UnitValue(problem.Requirements[r]) * problem.Offers[o].UnitSize);
        }

        model.Maximize(value);
        var greedy = new GreedyPlanner().Solve(problem, timeLimit);
        Hint(model, problem, arcs, blocks, Quantities(greedy, problem, arcs));
        var solver = Solver(timeLimit);
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            // Out of time before a first plan (the empty plan always exists): let the caller round the relaxation.
            return null;
        }

        var quantities = arcs.Select((a, i) => solver.Value(blocks[i]) * problem.Offers[a.Offer].UnitSize).ToArray();
        return (quantities, status == CpSolverStatus.Optimal ? PlanStatus.Optimal : PlanStatus.Feasible, (long)Math.Floor(solver.BestObjectiveBound));
    }

    // Coverage held where stage 1 left it; fewest (member, requirement) pairs, then earliest readiness.
    private (long[] Quantities, PlanStatus Status) PreferenceStage(PlanningProblem problem, IReadOnlyList<(int Offer, int Requirement)> arcs, long[] start, TimeSpan timeLimit)
    {
        var model = new CpModel();
        var blocks = Blocks(model, problem, arcs);
        var value = LinearExpr.NewBuilder();
        var readiness = LinearExpr.NewBuilder();
        var lines = new Dictionary<(string Member, int Requirement), BoolVar>();
        long readinessCeiling = 1;
        for (var i = 0; i < arcs.Count; i++)
        {
            var (o, r) = arcs[i];
            var offer = problem.Offers[o];
            var requirement = problem.Requirements[r];
            value.AddTerm(blocks[i], PlanObjective.UnitValue(requirement) * offer.UnitSize);
            var unitReadiness = PlanObjective.UnitReadiness(offer, requirement) * offer.UnitSize;
            readiness.AddTerm(blocks[i], unitReadiness);
            readinessCeiling += unitReadiness * (Math.Min(offer.Quantity, requirement.Quantity) / offer.UnitSize);
            if (!lines.TryGetValue((offer.Member, r), out var line))
            {
                line = model.NewBoolVar($"line_{offer.Member}_{r}");
                lines[(offer.Member, r)] = line;
            }

            model.Add(blocks[i] <= Math.Min(offer.Quantity, requirement.Quantity) / offer.UnitSize * line);
        }

        var achieved = arcs.Select((a, i) => PlanObjective.UnitValue(problem.Requirements[a.Requirement]) * start[i]).Sum();
        model.Add(value >= achieved);

        // One nation-line more always costs more than any readiness saving (the weight exceeds the readiness ceiling).
        var preference = LinearExpr.NewBuilder();
        foreach (var line in lines.Values)
        {
            preference.AddTerm(line, readinessCeiling);
        }

        preference.Add(readiness);
        model.Minimize(preference);
        Hint(model, problem, arcs, blocks, start);
        var solver = Solver(timeLimit);
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            // No improvement found in time: keep the stage-1 plan.
            return (start, PlanStatus.Feasible);
        }

        var quantities = arcs.Select((a, i) => solver.Value(blocks[i]) * problem.Offers[a.Offer].UnitSize).ToArray();
        return (quantities, status == CpSolverStatus.Optimal ? PlanStatus.Optimal : PlanStatus.Feasible);
    }

    /// <summary>One integer variable per arc: whole blocks of the offer's unit size, within supply, demand and member limits.</summary>
    private static IntVar[] Blocks(CpModel model, PlanningProblem problem, IReadOnlyList<(int Offer, int Requirement)> arcs)
    {
        var blocks = new IntVar[arcs.Count];
        var byOffer = new Dictionary<int, LinearExprBuilder>();
        var byRequirement = new Dictionary<int, LinearExprBuilder>();
        var byMember = new Dictionary<(string, string), LinearExprBuilder>();
        for (var i = 0; i < arcs.Count; i++)
        {
            var (o, r) = arcs[i];
            var offer = problem.Offers[o];
            var requirement = problem.Requirements[r];
            blocks[i] = model.NewIntVar(0, Math.Min(offer.Quantity, requirement.Quantity) / offer.UnitSize, $"x_{o}_{r}");
            Add(byOffer, o, blocks[i], offer.UnitSize);
            Add(byRequirement, r, blocks[i], offer.UnitSize);
            if (problem.Scenario.MemberLimits.ContainsKey(offer.Member))
            {
                Add(byMember, (offer.Member, problem.Capabilities[offer.CapabilityCode].Measure), blocks[i], offer.UnitSize);
            }
        }

        foreach (var (o, sum) in byOffer)
        {
            model.Add(sum <= problem.Offers[o].Quantity);
        }

        foreach (var (r, sum) in byRequirement)
        {
            model.Add(sum <= problem.Requirements[r].Quantity);
        }

        foreach (var ((member, _), sum) in byMember)
        {
            model.Add(sum <= problem.Scenario.MemberLimits[member]);
        }

        return blocks;
    }

    private static void Add<TKey>(Dictionary<TKey, LinearExprBuilder> sums, TKey key, IntVar variable, long coefficient)
        where TKey : notnull
    {
        if (!sums.TryGetValue(key, out var sum))
        {
            sum = LinearExpr.NewBuilder();
            sums[key] = sum;
        }

        sum.AddTerm(variable, coefficient);
    }

    private static void Hint(CpModel model, PlanningProblem problem, IReadOnlyList<(int Offer, int Requirement)> arcs, IntVar[] blocks, long[] quantities)
    {
        for (var i = 0; i < arcs.Count; i++)
        {
            model.AddHint(blocks[i], quantities[i] / problem.Offers[arcs[i].Offer].UnitSize);
        }
    }

    private static long[] Quantities(PlanResult plan, PlanningProblem problem, IReadOnlyList<(int Offer, int Requirement)> arcs)
    {
        var byPair = plan.Allocations.ToDictionary(a => (a.PledgeId, a.RequirementId), a => a.Quantity);
        return arcs.Select(a => byPair.GetValueOrDefault((problem.Offers[a.Offer].PledgeId, problem.Requirements[a.Requirement].Id))).ToArray();
    }

    private CpSolver Solver(TimeSpan timeLimit) => new()
    {
        StringParameters = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"max_time_in_seconds:{Math.Max(0.01, timeLimit.TotalSeconds):0.###} num_workers:{Workers} random_seed:7"),
    };
}
