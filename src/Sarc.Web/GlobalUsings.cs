// The namespaces the ASP.NET Core Web SDK imports implicitly, which nearly every file of a minimal-API host uses
// (this project builds with the Razor SDK, which does not add them). File-specific namespaces stay in their files.
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Hosting;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
