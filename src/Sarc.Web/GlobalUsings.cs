// The ASP.NET Core namespaces most files of this minimal-API host use (the Web SDK would import them implicitly; this
// project builds with the Razor SDK, which does not). A namespace only some files need stays in those files.
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Microsoft.Extensions.DependencyInjection;
