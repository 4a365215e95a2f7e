using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using CrmCx.Packaging.Tests.Infrastructure;
using Xunit;

namespace CrmCx.Packaging.Tests.Registration;

/// <summary>
/// Pins the registration attribute of the built net462 plugin assembly to the shape spkl reads
/// (scottdurow/SparkleXrm, spkl/SparkleXrm.Tasks/CrmPluginRegistrationAttribute.cs; dataverse-reference.md §1.5).
/// spkl loads the DLL reflection-only, finds the attribute by its type name, reads the constructor arguments by
/// position and the named arguments by property name, and maps enums by number; so the name, the parameter order,
/// the property names and the enum values are a contract. The assembly is read from its metadata, without loading it,
/// as spkl and the packer do.
/// </summary>
[Collection(BuiltSolutionCollection.Name)]
public sealed class RegistrationAttributeShapeTests(BuiltSolution built)
{
    private const string AttributeName = "CrmPluginRegistrationAttribute";

    [Fact]
    public void The_attribute_class_is_named_CrmPluginRegistrationAttribute_and_allows_several_registrations_per_class()
    {
        using var metadata = AssemblyMetadata.Open(built.Layout.PluginAssembly);
        var attribute = metadata.Type(AttributeName);
        var usage = metadata.Reader.GetTypeDefinition(attribute).GetCustomAttributes().Select(metadata.Reader.GetCustomAttribute)
            .Single(a => metadata.AttributeTypeName(a) == "AttributeUsageAttribute").DecodeValue(new NameProvider());
        Assert.Equal(4, (int)usage.FixedArguments[0].Value!); // AttributeTargets.Class
        Assert.Equal(true, usage.NamedArguments.Single(n => n.Name == "AllowMultiple").Value);
        Assert.Equal(false, usage.NamedArguments.Single(n => n.Name == "Inherited").Value);
    }

    [Fact]
    public void The_plugin_step_constructor_takes_spkls_eight_parameters_in_spkls_order()
    {
        using var metadata = AssemblyMetadata.Open(built.Layout.PluginAssembly);
        AssertHasConstructor(metadata, new[]
        {
            ("message", "System.String"),
            ("entityLogicalName", "System.String"),
            ("stage", "StageEnum"),
            ("executionMode", "ExecutionModeEnum"),
            ("filteringAttributes", "System.String"),
            ("stepName", "System.String"),
            ("executionOrder", "System.Int32"),
            ("isolationModel", "IsolationModeEnum"),
        });
    }

    [Fact]
    public void The_workflow_activity_constructor_takes_spkls_five_parameters_in_spkls_order()
    {
        using var metadata = AssemblyMetadata.Open(built.Layout.PluginAssembly);
        AssertHasConstructor(metadata, new[]
        {
            ("name", "System.String"),
            ("friendlyName", "System.String"),
            ("description", "System.String"),
            ("groupName", "System.String"),
            ("isolationModel", "IsolationModeEnum"),
        });
    }

    [Fact]
    public void The_attribute_has_no_constructor_spkl_would_misread()
    {
        // spkl tells a step from a workflow activity by the number of constructor arguments; any other overload
        // (spkl's MessageNameEnum one is left out on purpose) would be read with the wrong meaning.
        using var metadata = AssemblyMetadata.Open(built.Layout.PluginAssembly);
        Assert.Equal(new[] { 5, 8 }, metadata.Constructors(AttributeName).Select(c => c.Count).OrderBy(n => n));
    }

    [Fact]
    public void The_named_properties_spkl_reads_exist_with_spkls_names_and_are_settable()
    {
        using var metadata = AssemblyMetadata.Open(built.Layout.PluginAssembly);
        var properties = metadata.SettableProperties(AttributeName);
        foreach (var name in new[]
        {
            "Id", "FriendlyName", "GroupName", "Description",
            "Image1Name", "Image1Attributes", "Image1Type", "Image2Name", "Image2Attributes", "Image2Type",
            "UnSecureConfiguration", "SecureConfiguration", "DeleteAsyncOperation", "Offline", "Server", "Action",
        })
            Assert.True(properties.Contains(name), $"{AttributeName}.{name} is missing or has no public setter");
    }

    [Theory]
    [InlineData("StageEnum", "PreValidation=10,PreOperation=20,PostOperation=40")]
    [InlineData("ExecutionModeEnum", "Asynchronous=0,Synchronous=1")]
    [InlineData("ImageTypeEnum", "PreImage=0,PostImage=1,Both=2")]
    [InlineData("IsolationModeEnum", "None=0,Sandbox=1")]
    [InlineData("PluginStepOperationEnum", "Delete=0,Deactivate=1")]
    public void The_enums_have_spkls_members_and_values(string enumName, string expected)
    {
        using var metadata = AssemblyMetadata.Open(built.Layout.PluginAssembly);
        Assert.Equal(expected, string.Join(",", metadata.EnumValues(enumName).Select(v => $"{v.Name}={v.Value}")));
    }

    private static void AssertHasConstructor(AssemblyMetadata metadata, (string Name, string Type)[] expected)
    {
        var constructors = metadata.Constructors(AttributeName);
        Assert.True(constructors.Any(c => c.SequenceEqual(expected)),
            $"no constructor ({string.Join(", ", expected.Select(p => $"{p.Type} {p.Name}"))}); found: "
            + string.Join(" | ", constructors.Select(c => "(" + string.Join(", ", c.Select(p => $"{p.Type} {p.Name}")) + ")")));
    }

    /// <summary>Metadata of an assembly on disk, read without loading it.</summary>
    private sealed class AssemblyMetadata : IDisposable
    {
        private readonly FileStream stream;
        private readonly PEReader pe;

        private AssemblyMetadata(string path)
        {
            stream = File.OpenRead(path);
            pe = new PEReader(stream);
            Reader = pe.GetMetadataReader();
        }

        public MetadataReader Reader { get; }

        public static AssemblyMetadata Open(string path) => new(path);

        public TypeDefinitionHandle Type(string name)
        {
            var matches = Reader.TypeDefinitions.Where(h => Reader.GetString(Reader.GetTypeDefinition(h).Name) == name).ToList();
            Assert.True(matches.Count == 1, $"expected one type named {name} in the plugin assembly, found {matches.Count}");
            return matches[0];
        }

        public List<IReadOnlyList<(string Name, string Type)>> Constructors(string typeName)
        {
            var result = new List<IReadOnlyList<(string Name, string Type)>>();
            foreach (var handle in Reader.GetTypeDefinition(Type(typeName)).GetMethods())
            {
                var method = Reader.GetMethodDefinition(handle);
                if (Reader.GetString(method.Name) != ".ctor" || (method.Attributes & System.Reflection.MethodAttributes.Public) == 0) continue;
                var signature = method.DecodeSignature(new NameProvider(), null);
                var names = method.GetParameters().Select(Reader.GetParameter).Where(p => p.SequenceNumber > 0)
                    .OrderBy(p => p.SequenceNumber).Select(p => Reader.GetString(p.Name)).ToList();
                result.Add(names.Zip(signature.ParameterTypes, (n, t) => (n, t)).ToList());
            }
            return result;
        }

        public HashSet<string> SettableProperties(string typeName)
        {
            var result = new HashSet<string>(StringComparer.Ordinal);
            foreach (var handle in Reader.GetTypeDefinition(Type(typeName)).GetProperties())
            {
                var property = Reader.GetPropertyDefinition(handle);
                var setter = property.GetAccessors().Setter;
                if (!setter.IsNil && (Reader.GetMethodDefinition(setter).Attributes & System.Reflection.MethodAttributes.MemberAccessMask) == System.Reflection.MethodAttributes.Public)
                    result.Add(Reader.GetString(property.Name));
            }
            return result;
        }

        public List<(string Name, object? Value)> EnumValues(string enumName)
        {
            var result = new List<(string Name, object? Value)>();
            foreach (var handle in Reader.GetTypeDefinition(Type(enumName)).GetFields())
            {
                var field = Reader.GetFieldDefinition(handle);
                if ((field.Attributes & System.Reflection.FieldAttributes.Literal) == 0) continue; // value__
                var constant = Reader.GetConstant(field.GetDefaultValue());
                result.Add((Reader.GetString(field.Name), Reader.GetBlobReader(constant.Value).ReadConstant(constant.TypeCode)));
            }
            return result;
        }

        public string? AttributeTypeName(CustomAttribute attribute) => attribute.Constructor.Kind switch
        {
            HandleKind.MethodDefinition => Reader.GetString(Reader.GetTypeDefinition(Reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()).Name),
            HandleKind.MemberReference => Reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent.Kind == HandleKind.TypeReference
                ? Reader.GetString(Reader.GetTypeReference((TypeReferenceHandle)Reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent).Name)
                : null,
            _ => null,
        };

        public void Dispose()
        {
            pe.Dispose();
            stream.Dispose();
        }
    }

    /// <summary>Type names for signatures and attribute blobs: primitives by full name, others by simple name.</summary>
    private sealed class NameProvider : ISignatureTypeProvider<string, object?>, ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.String => "System.String",
            PrimitiveTypeCode.Int32 => "System.Int32",
            PrimitiveTypeCode.Boolean => "System.Boolean",
            PrimitiveTypeCode.Void => "System.Void",
            _ => typeCode.ToString(),
        };

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeDefinition(handle).Name);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeReference(handle).Name);
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => "?";
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[*]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(",", typeArguments)}>";
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        public string GetSystemType() => "System.Type";
        public bool IsSystemType(string type) => type == "System.Type" || type == "Type";
        public string GetTypeFromSerializedName(string name) => name;
        // AttributeUsage's only constructor argument is AttributeTargets, an int32 enum.
        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;
    }
}
