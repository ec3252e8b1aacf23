using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>A portal whose data-protection keys are encrypted with a certificate the operator supplies.</summary>
public sealed class CertificateKeysFactory : PortalFactory
{
    private const string CertificatePassword = "test-only-certificate";

    public CertificateKeysFactory()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=MeetingPortal test keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        CertificatePath = Path.Combine(DataDirectory, "keys.pfx");
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    public string CertificatePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DataProtection:CertificatePath", CertificatePath);
        builder.UseSetting("DataProtection:CertificatePassword", CertificatePassword);
    }
}

public sealed class KeyProtectionTests(CertificateKeysFactory factory) : IClassFixture<CertificateKeysFactory>
{
    [Fact]
    public async Task With_a_certificate_configured_the_stored_keys_hold_no_plain_master_key()
    {
        var client = await factory.SignInAsync("thuky.kyphuong");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/Meetings")).StatusCode);

        var keys = factory.WithDb(db => db.DataProtectionKeys.Select(k => k.Xml!).ToList());
        Assert.NotEmpty(keys);
        Assert.False(Directory.Exists(Path.Combine(factory.DataDirectory, "keys")), "keys belong in the database, not in a folder");
        foreach (var xml in keys)
        {
            Assert.Contains("EncryptedXml", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_a_certificate_the_keys_are_plain_which_is_why_operations_documents_the_setting()
    {
        using var plain = new PortalFactory();
        await plain.SignInAsync("thuky.kyphuong");
        var xml = plain.WithDb(db => db.DataProtectionKeys.Select(k => k.Xml!).Single());
        Assert.Contains("<value>", xml, StringComparison.Ordinal);
    }
}
