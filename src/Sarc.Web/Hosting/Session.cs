using Sarc.Registry.Storage;
using Sarc.Web.Access;

namespace Sarc.Web.Hosting;

/// <summary>One request's registry connection (from the app's <see cref="RegistryPool"/>, given back at the end) and the signed-in user's <see cref="PatientAccess"/>; disposed at the end of the request.</summary>
internal sealed class Session : IDisposable
{
    private readonly IRegistryStore _store;

    private Session(IRegistryStore store, PatientAccess access)
    {
        _store = store;
        Access = access;
    }

    public PatientAccess Access { get; }

    public static Session Open(HttpContext http)
    {
        var user = Claims.User(http.User);
        var store = http.RequestServices.GetRequiredService<RegistryPool>().Rent();
        return new Session(store, new PatientAccess(store, user, http.RequestServices.GetRequiredService<PlanCache>()));
    }

    public void Dispose() => _store.Dispose();
}
