using Truce.Core.Security;

namespace Truce.Core.Tests.Security;

public sealed class PasswordTests
{
    [Fact]
    public void A_hash_verifies_its_password_and_no_other()
    {
        var hash = PasswordHash.Create("correct horse battery", 1000);

        Assert.True(PasswordHash.Verify("correct horse battery", hash));
        Assert.False(PasswordHash.Verify("correct horse batterz", hash));
        Assert.StartsWith("pbkdf2-sha256$1000$", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_hashes_of_one_password_differ_by_their_salt() =>
        Assert.NotEqual(PasswordHash.Create("same password!", 1000), PasswordHash.Create("same password!", 1000));

    [Theory]
    [InlineData("short", "alice", false)]
    [InlineData("alice-is-my-password", "alice", false)]
    [InlineData("aaaaaaaaaaaaaaa", "bob", false)]
    [InlineData("a-long-test-password", "bob", true)]
    public void The_password_policy_refuses_weak_passwords(string password, string user, bool ok) =>
        Assert.Equal(ok, PasswordPolicy.Check(password, user) is null);

    [Fact]
    public void Tokens_are_stored_as_a_hash_that_does_not_reveal_them()
    {
        var secret = ApiToken.NewSecret();

        Assert.StartsWith(ApiToken.Prefix, secret, StringComparison.Ordinal);
        Assert.Equal(64, ApiToken.HashOf(secret).Length);
        Assert.DoesNotContain(secret, ApiToken.HashOf(secret), StringComparison.Ordinal);
    }

    [Fact]
    public void A_liaison_may_edit_only_their_own_members_pledges()
    {
        var liaison = new Principal("l", Role.Liaison, "GBR");

        Assert.True(liaison.MayEditPledgeOf("GBR"));
        Assert.False(liaison.MayEditPledgeOf("FRA"));
        Assert.Contains("only that member's pledges", liaison.RefusalToEditPledgeOf("FRA"), StringComparison.Ordinal);
        Assert.False(new Principal("v", Role.Viewer, null).MayEditPledgeOf("GBR"));
        Assert.True(new Principal("p", Role.Planner, null).MayEditPledgeOf("FRA"));
    }
}
