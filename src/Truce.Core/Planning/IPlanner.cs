namespace Truce.Core.Planning;

/// <summary>A planner matches offers to requirements. The optimiser lives in Truce.Planning (OR-Tools); the greedy baseline here.</summary>
public interface IPlanner
{
    PlanResult Solve(PlanningProblem problem, TimeSpan timeLimit);
}
