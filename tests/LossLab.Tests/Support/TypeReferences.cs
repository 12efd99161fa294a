using System.Reflection;
using System.Reflection.Emit;

namespace LossLab.Tests.Support;

/// <summary>
/// The types a compiled type names: its base type and interfaces, the types in its fields', properties' and methods'
/// signatures and locals, and every type, method and field token in its method bodies' IL (read opcode by opcode,
/// with the operand sizes of <see cref="OpCodes"/>), each resolved in the method's generic context.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>(where, type) for every type <paramref name="type"/> names, generic arguments and element types unwrapped.</summary>
    public static IEnumerable<(string Where, Type Type)> Of(Type type)
    {
        IEnumerable<(string, Type)> Named()
        {
            if (type.BaseType is { } baseType) yield return ("base type", baseType);
            foreach (var i in type.GetInterfaces()) yield return ("interface", i);
            foreach (var f in type.GetFields(Declared)) yield return ($"field {f.Name}", f.FieldType);
            foreach (var p in type.GetProperties(Declared)) yield return ($"property {p.Name}", p.PropertyType);
            foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                var where = $"method {m.Name}";
                foreach (var t in Signature(m)) yield return (where, t);
                if (m.GetMethodBody() is not { } body) continue;
                foreach (var local in body.LocalVariables) yield return (where, local.LocalType);
                foreach (var t in Operands(m, body.GetILAsByteArray() ?? [])) yield return (where + " (IL)", t);
            }
        }
        return Named().SelectMany(n => Unwrapped(n.Item2).Select(t => ($"{type.FullName}: {n.Item1}", t)));
    }

    private static IEnumerable<Type> Signature(MethodBase method)
    {
        if (method.DeclaringType is { } declaring) yield return declaring;
        if (method is MethodInfo info) yield return info.ReturnType;
        foreach (var p in method.GetParameters()) yield return p.ParameterType;
        if (method.IsGenericMethod) foreach (var a in method.GetGenericArguments()) yield return a;
    }

    private static IEnumerable<Type> Operands(MethodBase method, byte[] il)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? unchecked((short)(0xFE00 | il[i + 1])) : il[i];
            var op = OpCodesByValue[value];
            i += op.Size;
            if (op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments)!;
                foreach (var t in member switch
                {
                    Type t => [t],
                    FieldInfo f => [f.DeclaringType!, f.FieldType],
                    MethodBase m => Signature(m),
                    _ => [],
                })
                    yield return t;
            }
            i += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
    }

    private static IEnumerable<Type> Unwrapped(Type type)
    {
        if (type.IsGenericParameter) yield break;
        if (type.HasElementType)
        {
            foreach (var t in Unwrapped(type.GetElementType()!)) yield return t;
            yield break;
        }
        yield return type;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
            foreach (var t in type.GetGenericArguments().SelectMany(Unwrapped)) yield return t;
    }
}
