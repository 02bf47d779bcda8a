using Truce.Core.Commitments;
using Truce.Core.Planning;
using static Truce.Planning.Tests.Instances;
using Truce.Testing;

namespace Truce.Planning.Tests;

public sealed class PlannerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);
    private readonly OrToolsPlanner _planner = new();

    public static readonly TheoryData<int> Seeds = new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Tiny_instances_are_solved_to_the_optimum_found_by_enumerating_every_plan(int seed)
    {
        var problem = Tiny(seed);
        var (value, lines, readiness) = BruteForce.Best(problem);

        var plan = _planner.Solve(problem, Limit);

        Assert.Equal(PlanStatus.Optimal, plan.Status);
        Assert.Equal(value, plan.Objective);
        Assert.Equal(0, plan.Gap);
        Assert.Equal(PlanStatus.Optimal, plan.SecondaryStatus);
        Assert.Equal(lines, plan.NationLines);
        Assert.Equal(readiness, plan.ReadinessTerm);
    }

    [Fact]
    public void A_hand_worked_plan_covers_priority_first_and_uses_fewer_nations()
    {
        // West needs 1,000 troops (priority 1); the contact line 500 (priority 2).
        // GBR 800 (ready in 30 days) and FRA 600 (ready in 10 days) may serve anywhere; POL 1,000 is logistics only.
        // Best: the west gets 1,000, the contact line 400 — 1,400 of 1,500 — with three nation-lines, not four:
        // FRA's 600 cannot all go west together with GBR's 800 without splitting one of them.
        var problem = Problem(
            [Need(1, "infantry", 1000, "west", priority: 1), Need(2, "infantry", 500, "front", priority: 2)],
            [Give(11, "GBR", "infantry", 800, readiness: 30), Give(12, "FRA", "infantry", 600, readiness: 10), Give(13, "POL", "infantry", 1000, conditions: ConditionKind.LogisticsOnly)]);

        var plan = _planner.Solve(problem, Limit);

        Assert.Equal(1000, plan.Shortfalls.Single(s => s.Code == "R1").Covered);
        Assert.Equal(400, plan.Shortfalls.Single(s => s.Code == "R2").Covered);
        Assert.Equal(100, plan.Shortfalls.Single(s => s.Code == "R2").Missing);
        Assert.Equal(3, plan.NationLines);
        Assert.Equal("caveat: logistics only", plan.Unused.Single().Reason);
        Assert.Equal(PlanObjective.Ceiling(problem.Requirements[0]) + (400 * PlanObjective.UnitValue(problem.Requirements[1])), plan.Objective);
    }

    [Theory]
    [InlineData(ConditionKind.UsBackstop)]
    [InlineData(ConditionKind.UnMandate)]
    [InlineData(ConditionKind.AfterCeasefire)]
    [InlineData(ConditionKind.OnRequest)]
    [InlineData(ConditionKind.UsInvolvement)]
    [InlineData(ConditionKind.PoliticalFramework)]
    [InlineData(ConditionKind.ParliamentaryApproval)]
    public void Turning_a_condition_off_removes_exactly_the_pledges_that_depend_on_it(ConditionKind condition)
    {
        var offers = Enum.GetValues<ConditionKind>().Where(c => !PlanningScenario.Caveats.Contains(c))
            .Select((c, i) => Give(i + 1, "GBR", "infantry", 10, conditions: c))
            .Append(Give(99, "FRA", "infantry", 10))
            .ToList();
        var problem = Problem([Need(1, "infantry", 1000)], offers, new PlanningScenario { PlanDate = Start }.Without(condition));

        var plan = _planner.Solve(problem, Limit);

        var dropped = plan.Unused.Where(u => u.Reason.StartsWith("needs", StringComparison.Ordinal)).Select(u => u.PledgeId).ToList();
        Assert.Equal(offers.Where(o => o.Conditions.Contains(condition)).Select(o => o.PledgeId), dropped);
        Assert.Contains(Eligibility.Describe(condition), plan.Unused.Single().Reason, StringComparison.Ordinal);
        Assert.Equal(offers.Count - 1, plan.Allocations.Count);
    }

    [Fact]
    public void Parliamentary_approval_is_per_member()
    {
        var problem = Problem(
            [Need(1, "infantry", 100)],
            [Give(1, "GBR", "infantry", 50, conditions: ConditionKind.ParliamentaryApproval), Give(2, "FRA", "infantry", 50, conditions: ConditionKind.ParliamentaryApproval)],
            new PlanningScenario { PlanDate = Start, ParliamentApproved = new HashSet<string> { "FRA" } });

        var plan = _planner.Solve(problem, Limit);

        Assert.Equal([2], plan.Allocations.Select(a => a.PledgeId));
        Assert.Contains("GBR does not have", plan.Unused.Single().Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Caveats_readiness_units_and_supply_are_never_violated(int seed)
    {
        var problem = Tiny(seed + 1000);

        foreach (var plan in new[] { _planner.Solve(problem, Limit), new GreedyPlanner().Solve(problem, Limit) })
        {
            foreach (var a in plan.Allocations)
            {
                var offer = problem.Offers.Single(o => o.PledgeId == a.PledgeId);
                var requirement = problem.Requirements.Single(r => r.Id == a.RequirementId);
                Assert.Null(Eligibility.Unusable(offer, problem.Scenario));
                Assert.Null(Eligibility.CannotFill(offer, requirement, problem));
                Assert.Equal(0, a.Quantity % offer.UnitSize);
            }

            Expect.All(problem.Offers, o => Assert.True(plan.Allocations.Where(a => a.PledgeId == o.PledgeId).Sum(a => a.Quantity) <= o.Quantity));
            Expect.All(plan.Shortfalls, s => Assert.InRange(s.Covered, 0, s.Demand));
        }
    }

    [Fact]
    public void Indivisible_units_go_whole_or_not_at_all()
    {
        // Two battalions of 700 against needs of 1,000 and 400: one battalion fits the first, none the second.
        var problem = Problem([Need(1, "infantry", 1000), Need(2, "infantry", 400, priority: 2)], [Give(1, "GBR", "infantry", 1400, unitSize: 700)]);

        var plan = _planner.Solve(problem, Limit);

        Assert.Equal(700, Assert.Single(plan.Allocations).Quantity);
        Assert.Equal(PlanStatus.Optimal, plan.Status);
        Assert.StartsWith("CP-SAT", plan.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_limit_caps_what_one_member_is_asked_for()
    {
        var problem = Problem(
            [Need(1, "infantry", 1000), Need(2, "infantry", 1000)],
            [Give(1, "GBR", "infantry", 800), Give(2, "GBR", "infantry", 800), Give(3, "FRA", "infantry", 300)],
            new PlanningScenario { PlanDate = Start, MemberLimits = new Dictionary<string, long> { ["GBR"] = 1000 } });

        var plan = _planner.Solve(problem, Limit);

        Assert.Equal(1000, plan.Allocations.Where(a => a.Member == "GBR").Sum(a => a.Quantity));
        Assert.Equal(1300, plan.Shortfalls.Sum(s => s.Covered));
    }

    [Fact]
    public void A_pledge_ready_too_late_is_left_out_with_its_date()
    {
        var problem = Problem([Need(1, "infantry", 100, opensInDays: 30)], [Give(1, "GBR", "infantry", 100, readiness: 45), Give(2, "FRA", "infantry", 50, readiness: 20)]);

        var plan = _planner.Solve(problem, Limit);

        Assert.Equal([2], plan.Allocations.Select(a => a.PledgeId));
        Assert.Contains("after the window opens", plan.Unused.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Flow_and_CP_SAT_agree_on_divisible_instances()
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            var problem = Tiny(seed);
            problem = problem with
            {
                Offers = problem.Offers.Select(o => o with { UnitSize = 1 }).ToList(),
                Scenario = problem.Scenario with { MemberLimits = new Dictionary<string, long>() },
            };
            var viaLimits = problem with { Scenario = problem.Scenario with { MemberLimits = new Dictionary<string, long> { ["ZZZ"] = 1 } } };

            var flow = _planner.Solve(problem, Limit);
            var sat = _planner.Solve(viaLimits, Limit);

            Assert.StartsWith("min-cost flow", flow.Method, StringComparison.Ordinal);
            Assert.StartsWith("CP-SAT", sat.Method, StringComparison.Ordinal);
            Assert.Equal(flow.Objective, sat.Objective);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_optimum_is_never_worse_than_the_greedy_baseline(int seed)
    {
        var problem = Tiny(seed + 2000);

        Assert.True(_planner.Solve(problem, Limit).Objective >= new GreedyPlanner().Solve(problem, Limit).Objective);
    }

    [Fact]
    public void Empty_and_contradictory_inputs_are_named_before_solving()
    {
        var empty = PlanningValidation.Check(Problem([], [Give(1, "GBR", "infantry", 10)]));
        var contradictory = PlanningValidation.Check(Problem(
            [new Requirement(1, "R1", "tanks", 0, "moon", Start.AddDays(10), Start, 0)],
            [Give(1, "GBR", "infantry", 10)],
            new PlanningScenario { ExcludedMembers = new HashSet<string> { "GBR" }, MemberLimits = new Dictionary<string, long> { ["GBR"] = 5 } }));

        Assert.Contains("nothing to plan", empty.ToString(), StringComparison.Ordinal);
        var errors = contradictory.ToDictionary();
        Assert.Contains("requirements[0].capability", errors.Keys);
        Assert.Contains("requirements[0].sector", errors.Keys);
        Assert.Contains("requirements[0].quantity", errors.Keys);
        Assert.Contains("requirements[0].window", errors.Keys);
        Assert.Contains("requirements[0].priority", errors.Keys);
        Assert.Contains("excluded", errors["scenario.memberLimits.GBR"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_where_nothing_can_serve_is_solved_with_every_pledge_explained()
    {
        var problem = Problem([Need(1, "frigate", 2, "black-sea")], [Give(1, "POL", "infantry", 100), Give(2, "ITA", "frigate", 1, conditions: ConditionKind.UnMandate)], new PlanningScenario { PlanDate = Start }.Without(ConditionKind.UnMandate));

        var plan = _planner.Solve(problem, Limit);

        Assert.Empty(plan.Allocations);
        Assert.Equal(2, plan.Shortfalls.Single().Missing);
        Assert.Equal(["no requirement asks for this capability", "needs a UN mandate, which does not hold in this scenario"], plan.Unused.Select(u => u.Reason));
    }
}
