using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Truce.Core.Security;
using Truce.Storage;

namespace Truce.Web.Security;

/// <summary>
/// Where the cookie keys live: the database (<see cref="CookieKey"/>), so sessions survive a restart, leave
/// with the data, and a cookie made by one node is read by every other node on the same database. The key
/// manager calls this synchronously, rarely (at start, when a key is made, when a cookie names a key it has
/// not seen), so the calls block.
/// </summary>
public sealed class DatabaseKeyRing(IServiceProvider services) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TruceDb>();
        return db.CookieKeys.OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TruceDb>();
        db.CookieKeys.Add(new CookieKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
