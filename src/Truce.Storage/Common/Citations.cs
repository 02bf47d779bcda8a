using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Core.Common;

namespace Truce.Storage.Common;

/// <summary>A record's sources, stored as a table of its own (not JSON) so they can be filtered in SQL on any provider.</summary>
internal static class Citations
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, Citation> citations, string table, string ownerKey)
        where TOwner : class
    {
        citations.ToTable(table);
        citations.WithOwner().HasForeignKey(ownerKey);
        citations.Property<int>("Id");
        citations.HasKey("Id");
        citations.Property(x => x.Url).HasMaxLength(2000);
    }
}
