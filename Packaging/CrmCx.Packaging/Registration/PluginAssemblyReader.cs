using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace CrmCx.Packaging.Registration;

/// <summary>
/// Reads CrmPluginRegistration attributes from a built plugin assembly without loading it (like spkl's
/// reflection-only load), so a .NET Framework 4.6.2 DLL can be read from .NET 10. Attributes are matched by type
/// name only, as spkl matches them.
/// </summary>
public static class PluginAssemblyReader
{
    private const string AttributeName = "CrmPluginRegistrationAttribute";

    /// <summary>Reads the assembly at a path: its registrations and every public, non-abstract IPlugin class.</summary>
    public static PluginAssemblyInfo Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Plugin assembly not found: {path}. Build it first (dotnet build Plugins/CrmCx.Plugins -c Release -f net462).", path);
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata) throw new InvalidDataException($"{path} is not a .NET assembly.");
        var reader = pe.GetMetadataReader();
        var definition = reader.GetAssemblyDefinition();
        var publicKey = reader.GetBlobBytes(definition.PublicKey);
        var corFlags = pe.PEHeaders.CorHeader?.Flags ?? 0;

        var types = new List<PluginTypeInfo>();
        var pluginClasses = new List<string>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (IsPublicConcreteClass(type) && DerivesFrom(reader, handle, "Microsoft.Xrm.Sdk.IPlugin")) pluginClasses.Add(FullName(reader, handle));
            var attributes = type.GetCustomAttributes().Select(reader.GetCustomAttribute).Where(a => AttributeTypeName(reader, a) == AttributeName).ToList();
            if (attributes.Count == 0) continue;
            var fullName = FullName(reader, handle);
            var steps = new List<StepInfo>();
            WorkflowActivityInfo? activity = null;
            foreach (var attribute in attributes)
            {
                var value = attribute.DecodeValue(new AttributeTypeProvider());
                if (value.FixedArguments.Length == 8) steps.Add(ToStep(fullName, value));
                else if (value.FixedArguments.Length == 5) activity = ToActivity(value);
                else throw new InvalidDataException($"{fullName}: CrmPluginRegistration with {value.FixedArguments.Length} constructor arguments is not supported (expected a step or a workflow activity registration).");
            }
            types.Add(new PluginTypeInfo(fullName, DerivesFrom(reader, handle, "Microsoft.Xrm.Sdk.IPlugin"), DerivesFrom(reader, handle, "System.Activities.CodeActivity"), steps, activity));
        }

        return new PluginAssemblyInfo
        {
            Name = reader.GetString(definition.Name),
            Version = definition.Version,
            PublicKeyToken = publicKey.Length == 0 ? "null" : Token(publicKey),
            IsStrongNameSigned = (corFlags & CorFlags.StrongNameSigned) != 0 && pe.PEHeaders.CorHeader!.StrongNameSignatureDirectory.Size > 0,
            TargetFramework = TargetFramework(reader),
            References = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h))
                .Select(r => new AssemblyReferenceInfo(reader.GetString(r.Name), r.Version, TokenOfReference(reader.GetBlobBytes(r.PublicKeyOrToken), r.Flags)))
                .OrderBy(r => r.Name, StringComparer.Ordinal).ToList(),
            Types = types.OrderBy(t => t.FullName, StringComparer.Ordinal).ToList(),
            PluginClasses = pluginClasses.OrderBy(t => t, StringComparer.Ordinal).ToList(),
        };
    }

    // Dataverse instantiates a plug-in class by name, so it must be a public, top-level, non-abstract class.
    private static bool IsPublicConcreteClass(TypeDefinition type) =>
        (type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public
        && (type.Attributes & TypeAttributes.Abstract) == 0
        && (type.Attributes & TypeAttributes.Interface) == 0;

    private static StepInfo ToStep(string typeName, CustomAttributeValue<string> value)
    {
        var a = value.FixedArguments;
        var named = value.NamedArguments.ToDictionary(n => n.Name!, n => n.Value, StringComparer.Ordinal);
        var images = new List<ImageInfo>();
        foreach (var i in new[] { "1", "2" })
        {
            var name = named.GetValueOrDefault("Image" + i + "Name") as string;
            if (string.IsNullOrEmpty(name)) continue;
            images.Add(new ImageInfo(name, named.GetValueOrDefault("Image" + i + "Attributes") as string, named.GetValueOrDefault("Image" + i + "Type") as int? ?? 0));
        }
        if (a[0].Value is not string message) throw new InvalidDataException($"{typeName}: the message must be given by name (string).");
        return new StepInfo
        {
            Id = named.GetValueOrDefault("Id") as string,
            Message = message,
            Entity = (string?)a[1].Value ?? "none",
            Stage = (int)a[2].Value!,
            // ExecutionModeEnum: Asynchronous = 0, Synchronous = 1 (spkl's order).
            Asynchronous = (int)a[3].Value! == 0,
            FilteringAttributes = (string?)a[4].Value,
            Name = (string?)a[5].Value ?? typeName,
            Rank = (int)a[6].Value!,
            IsolationMode = (int)a[7].Value!,
            Description = named.GetValueOrDefault("Description") as string,
            UnsecureConfiguration = named.GetValueOrDefault("UnSecureConfiguration") as string,
            DeleteAsyncOperation = named.GetValueOrDefault("DeleteAsyncOperation") as bool? ?? false,
            // The step constructor sets Server = true; only an explicit named argument changes it.
            Server = named.GetValueOrDefault("Server") as bool? ?? true,
            Offline = named.GetValueOrDefault("Offline") as bool? ?? false,
            Images = images,
        };
    }

    private static WorkflowActivityInfo ToActivity(CustomAttributeValue<string> value)
    {
        var a = value.FixedArguments;
        return new WorkflowActivityInfo((string?)a[0].Value ?? string.Empty, (string?)a[1].Value ?? string.Empty, (string?)a[2].Value ?? string.Empty, (string?)a[3].Value ?? string.Empty);
    }

    private static string? AttributeTypeName(MetadataReader reader, CustomAttribute attribute)
    {
        switch (attribute.Constructor.Kind)
        {
            case HandleKind.MethodDefinition:
                var method = reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor);
                return reader.GetString(reader.GetTypeDefinition(method.GetDeclaringType()).Name);
            case HandleKind.MemberReference:
                var member = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                return member.Parent.Kind switch
                {
                    HandleKind.TypeReference => reader.GetString(reader.GetTypeReference((TypeReferenceHandle)member.Parent).Name),
                    HandleKind.TypeDefinition => reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)member.Parent).Name),
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>Whether a type implements the interface or derives from the class, following base types declared in this assembly.</summary>
    private static bool DerivesFrom(MetadataReader reader, TypeDefinitionHandle handle, string fullName)
    {
        for (var depth = 0; depth < 32; depth++)
        {
            var type = reader.GetTypeDefinition(handle);
            foreach (var i in type.GetInterfaceImplementations())
                if (NameOf(reader, reader.GetInterfaceImplementation(i).Interface) == fullName) return true;
            if (type.BaseType.IsNil) return false;
            if (NameOf(reader, type.BaseType) == fullName) return true;
            if (type.BaseType.Kind != HandleKind.TypeDefinition) return false;
            handle = (TypeDefinitionHandle)type.BaseType;
        }
        return false;
    }

    private static string? NameOf(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => FullName(reader, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => FullName(reader, reader.GetTypeReference((TypeReferenceHandle)handle)),
        _ => null,
    };

    private static string FullName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil) return FullName(reader, declaring) + "+" + name;
        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string FullName(MetadataReader reader, TypeReference type)
    {
        var ns = reader.GetString(type.Namespace);
        var name = reader.GetString(type.Name);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string TargetFramework(MetadataReader reader)
    {
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (AttributeTypeName(reader, attribute) != "TargetFrameworkAttribute") continue;
            var value = attribute.DecodeValue(new AttributeTypeProvider());
            return value.FixedArguments.Length > 0 ? value.FixedArguments[0].Value as string ?? string.Empty : string.Empty;
        }
        return string.Empty;
    }

    private static string Token(byte[] publicKey)
    {
#pragma warning disable CA5350 // The public key token is defined as the last 8 bytes of the key's SHA-1 hash.
        var hash = SHA1.HashData(publicKey);
#pragma warning restore CA5350
        return Convert.ToHexStringLower(hash.AsSpan(hash.Length - 8).ToArray().Reverse().ToArray());
    }

    private static string TokenOfReference(byte[] keyOrToken, AssemblyFlags flags)
    {
        if (keyOrToken.Length == 0) return "null";
        return (flags & AssemblyFlags.PublicKey) != 0 ? Token(keyOrToken) : Convert.ToHexStringLower(keyOrToken);
    }

    /// <summary>Decodes attribute arguments to strings for types; every enum of the attribute is an Int32.</summary>
    private sealed class AttributeTypeProvider : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetSystemType() => "System.Type";
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => FullName(reader, handle);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => FullName(reader, reader.GetTypeReference(handle));
        public string GetTypeFromSerializedName(string name) => name;
        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(string type) => type == "System.Type";
    }
}
