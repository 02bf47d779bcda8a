using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace Truce.Storage.Common;

/// <summary>
/// Owned collections (a pledge's conditions and sources, a member's sources, an actor's roles) come back in
/// the order they were written, on every store: each query that starts from an entity with such collections
/// includes them ordered by their key, which the database assigned in the order of the list. Without it EF
/// Core orders a collection only where it needs to group rows (never the last one), SQLite happens to return
/// rows in the order they were inserted and PostgreSQL in any order — a pledge read back would differ from
/// the revision it was saved as, and sources would shuffle between two reads.
/// </summary>
internal sealed class OwnedCollectionsInOrder : IQueryExpressionInterceptor
{
    // One instance for every context: EF Core builds its internal services once per set of options.
    public static readonly OwnedCollectionsInOrder Instance = new();

    private static readonly MethodInfo Include = typeof(EntityFrameworkQueryableExtensions).GetMethods()
        .Single(m => m.Name == nameof(EntityFrameworkQueryableExtensions.Include) && m.GetGenericArguments().Length == 2 && m.GetParameters()[1].ParameterType != typeof(string));

    private static readonly MethodInfo OrderBy = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.OrderBy) && m.GetParameters().Length == 2);

    private static readonly MethodInfo Property = typeof(EF).GetMethod(nameof(EF.Property))!;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        new Rewriter().Visit(queryExpression);

    private sealed class Rewriter : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node) =>
            node is EntityQueryRootExpression root ? Ordered(root) : base.VisitExtension(node);
    }

    private static Expression Ordered(EntityQueryRootExpression root)
    {
        Expression query = root;
        foreach (var navigation in root.EntityType.GetNavigations().Where(n => n.IsCollection && n.TargetEntityType.IsOwned() && n.PropertyInfo is not null))
        {
            query = IncludeInOrder(query, root.EntityType.ClrType, navigation);
        }

        return query;
    }

    // source.Include(e => e.Navigation.OrderBy(x => EF.Property<TKey>(x, "Id")))
    private static MethodCallExpression IncludeInOrder(Expression source, Type owner, INavigation navigation)
    {
        var item = navigation.TargetEntityType.ClrType;
        var key = navigation.TargetEntityType.FindPrimaryKey()!.Properties.Single(p => !p.IsForeignKey());
        var x = Expression.Parameter(item, "x");
        var byKey = Expression.Lambda(Expression.Call(Property.MakeGenericMethod(key.ClrType), x, Expression.Constant(key.Name)), x);
        var e = Expression.Parameter(owner, "e");
        var ordered = Expression.Call(OrderBy.MakeGenericMethod(item, key.ClrType), Expression.Property(e, navigation.PropertyInfo!), byKey);
        return Expression.Call(Include.MakeGenericMethod(owner, ordered.Type), source, Expression.Quote(Expression.Lambda(ordered, e)));
    }
}
