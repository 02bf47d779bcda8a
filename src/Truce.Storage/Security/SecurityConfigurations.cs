using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Core.Security;

namespace Truce.Storage.Security;

// How accounts, tokens and the audit trail are stored. None carries a marking: only admins read them,
// through services that refuse everyone else (Releasability.Unmarked).

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> u)
    {
        u.HasIndex(x => x.UserName).IsUnique();
        u.Property(x => x.UserName).HasMaxLength(100);
        u.Property(x => x.MemberCode).HasMaxLength(64);
        u.Property(x => x.SecurityStamp).HasMaxLength(64);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> t)
    {
        t.Property(x => x.Scopes).HasMaxLength(200);
        t.HasIndex(x => x.TokenHash).IsUnique();
        t.Property(x => x.TokenHash).HasMaxLength(64);
        t.Property(x => x.Name).HasMaxLength(100);
        t.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasIndex(x => x.Seq).IsUnique();
        e.HasIndex(x => x.Action);
        e.Property(x => x.Actor).HasMaxLength(200);
        e.Property(x => x.Action).HasMaxLength(60);
        e.Property(x => x.Target).HasMaxLength(200);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.PreviousHash).HasMaxLength(64);
        e.Property(x => x.BeforeHash).HasMaxLength(64);
        e.Property(x => x.AfterHash).HasMaxLength(64);
        e.Ignore(x => x.PendingOrder);
    }
}

internal sealed class AddressThrottleConfiguration : IEntityTypeConfiguration<AddressThrottle>
{
    public void Configure(EntityTypeBuilder<AddressThrottle> t)
    {
        t.ToTable("SignInThrottles");
        t.HasKey(x => x.Address);
        t.Property(x => x.Address).HasMaxLength(64);
        t.HasIndex(x => x.WindowStartedTicks);
    }
}

internal sealed class CookieKeyConfiguration : IEntityTypeConfiguration<CookieKey>
{
    public void Configure(EntityTypeBuilder<CookieKey> k)
    {
        k.Property(x => x.FriendlyName).HasMaxLength(200);
    }
}
