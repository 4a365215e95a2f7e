using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Support;

/// <summary>Asserts that a call fails with an organization service fault of a given error code.</summary>
public static class FaultAssert
{
    public static OrganizationServiceFault Throws(int errorCode, Action call)
    {
        var e = Assert.Throws<FaultException<OrganizationServiceFault>>(call);
        Assert.True(errorCode == e.Detail.ErrorCode, $"Expected error code 0x{errorCode:X8} but got 0x{e.Detail.ErrorCode:X8}: {e.Detail.Message}");
        Assert.Equal(e.Detail.Message, e.Message);
        return e.Detail;
    }
}
