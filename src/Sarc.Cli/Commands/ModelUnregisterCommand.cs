using Sarc.Registry.Models;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc model unregister --db D --name N [--center C]</c>: removes a registered model, audited; patient records no longer show it.</summary>
internal static class ModelUnregisterCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "The name the model is registered under.", Required = true };
        var center = RegistryOptions.Center("The center it is registered for (default: the one registered for every center).");
        var reason = RegistryOptions.Reason("Why the model is removed; kept in the audit record.");
        return CliCommand.OnRegistry("unregister", "Remove a registered model from the registry (audited); patient records no longer show it.", [name, center, reason], (parse, db) =>
        {
            var store = ModelStore.Open(db);
            var scope = CommonOptions.OneLine(parse.GetValue(center));
            var removed = store.Unregister(parse.GetValue(name)!, scope, RegistryOptions.Audit(parse, reason))
                ?? throw new DataInputException($"no model named '{parse.GetValue(name)!.Trim()}' is registered for {ModelStore.Scope(scope)} (see sarc model list)");
            context.Output.WriteLine($"Unregistered '{removed.Name}' (id {removed.Id}) for {ModelStore.Scope(removed.Center)}");
            return SarcApp.Success;
        });
    }
}
